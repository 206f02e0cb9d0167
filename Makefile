# ConflictKG: `make demo` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CKG    := $(BIN)/conflictkg
SHARED ?= ../shared
STAMP  := $(VENV)/.installed

.PHONY: demo test eval bench bench-1m bench-scale lint clean install docs

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(CKG) build corpus -o build/graph.ttl --store build/store
	$(CKG) render --store build/store -o build/graph.html
	@echo; echo "== Who is accused of which attack"
	@$(CKG) query accused-of --store build/store \
	  --columns accusedLabel,accusedLabelEn,attack,speakerLabelEn,date
	@echo; echo "== Who denies which attack"
	@$(CKG) query denials --store build/store \
	  --columns deniedLabel,deniedLabelEn,attack,speakerLabelEn,date
	@echo; echo "Wrote build/graph.ttl and build/graph.html"

test: $(STAMP)
	$(BIN)/ruff check ontology graph_builder queries tests
	$(BIN)/pytest -q

eval: $(STAMP)
ifeq ($(wildcard $(SHARED)/eval/score.py),)
	@echo "no $(SHARED)/eval/score.py here: nothing to score"
else
	@$(CKG) build $(SHARED)/eval/dev/seeds.jsonl -o build/seeds.ttl
	@$(CKG) build $(SHARED)/eval/dev/articles.jsonl -o build/dev.ttl
	@echo "== dev/seeds";    $(BIN)/python $(SHARED)/eval/score.py --gold $(SHARED)/eval/dev/seeds.jsonl --entities $(SHARED)/eval/dev/seeds_entities.json build/seeds.ttl
	@echo "== dev/articles"; $(BIN)/python $(SHARED)/eval/score.py --gold $(SHARED)/eval/dev/articles.jsonl --entities $(SHARED)/eval/dev/articles_entities.json build/dev.ttl
endif

# bench: build throughput on the corpus replicated to 10,000 sentences, and the query bench on a 100,000-triple
# synthetic graph (a few minutes). bench-1m: the query bench at the 1,000,000 triples of the acceptance figures.
bench: $(STAMP)
	$(BIN)/python -m graph_builder.bench --out build/bench-build.json
	$(BIN)/python -m queries.bench --triples 100000 --out build/bench-queries.json

bench-1m: $(STAMP)
	$(BIN)/python -m queries.bench --triples 1000000 --out build/bench-queries-1m.json

# bench-scale: 10,000 articles end to end (extract + shards + bulk load) with --workers 1, --workers 2 and
# --dask local, then 100,000 articles through shards + bulk load (docs/scale.md). About half an hour.
bench-scale: $(STAMP)
	$(BIN)/python -m graph_builder.bench_scale --out build/bench-scale.json

# docs: HTML documentation of the ontology (classes, properties, individuals, alignments, crosswalks) from the Turtle.
docs: $(STAMP)
	$(BIN)/python -m ontology.docs --out docs/ontology

lint: $(STAMP)
	$(BIN)/ruff check ontology graph_builder queries tests

clean:
	rm -rf build .pytest_cache .ruff_cache
