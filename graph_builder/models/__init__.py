"""Small learned models shipped as data files and scored in pure Python (training code needs the dev extra)."""
