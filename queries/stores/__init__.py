"""Store backends: embedded Oxigraph and remote SPARQL 1.1 endpoints."""
