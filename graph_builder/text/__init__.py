"""Arabic text layer: normalisation with an offset map, sentences, tokens with clitic peeling."""
