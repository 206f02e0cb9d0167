"""Stores, the SPARQL query catalog, exports, the HTML explorer and graph analytics."""
