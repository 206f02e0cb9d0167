# ConflictKG: `make demo` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CKG    := $(BIN)/conflictkg
SHARED ?= ../shared
STAMP  := $(VENV)/.installed

.PHONY: demo test eval eval-quick explain constructions bench bench-1m bench-size bench-scale lint clean install docs train-attack-model notebooks

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
	@echo; echo "== Contested attacks: claims, accusations and denials side by side"
	@$(CKG) query contested --store build/store \
	  --columns attack,dispute,kind,speakerLabelEn,partyLabelEn
	@echo; echo "Wrote build/graph.ttl and build/graph.html"

# test: first installs the Debian programs some tests need when it can (root, apt; .ci/extras), so a fresh
# machine runs every group; otherwise pytest ends with one line naming each skipped group and its command.
# The notebook tests save the notebooks with their outputs.
test: $(STAMP)
	@.ci/extras
	$(BIN)/ruff check ontology graph_builder queries tests notebooks
	$(BIN)/pytest -q

# eval: build and score every gold set in $(SHARED)/eval/dev and the outside set; one summary table.
# eval-quick: the dev sets only. explain: score.py --explain on one set (make explain SET=broad).
eval: $(STAMP)
	@$(BIN)/python -m graph_builder.evaluate --shared $(SHARED)/eval --json build/eval/summary.json

eval-quick: $(STAMP)
	@$(BIN)/python -m graph_builder.evaluate --shared $(SHARED)/eval --quick

explain: $(STAMP)
	@$(BIN)/python -m graph_builder.evaluate --shared $(SHARED)/eval --quick --explain $(SET)

# constructions: pass rate per capability of the construction suite (tests/constructions/*.jsonl).
constructions: $(STAMP)
	@$(BIN)/python -m tests.constructions --json build/constructions.json

# bench: build throughput on the corpus replicated to 10,000 sentences, and the query bench on a 100,000-triple
# synthetic graph (a few minutes). bench-1m: the query bench at the 1,000,000 triples of the acceptance figures.
bench: $(STAMP)
	$(BIN)/python -m graph_builder.bench --out build/bench-build.json
	$(BIN)/python -m queries.bench --triples 100000 --out build/bench-queries.json

# bench-size: one article of 1, 2 and 4 MB (corpus/ repeated): CPU time and peak RSS per size, and whether cost
# stays within 2.5x per doubling and under 1 GB (a report, not a test) -> build/bench-size.json.
bench-size: $(STAMP)
	$(BIN)/python -m graph_builder.bench_size --out build/bench-size.json

bench-1m: $(STAMP)
	$(BIN)/python -m queries.bench --triples 1000000 --out build/bench-queries-1m.json

# bench-scale: 10,000 articles end to end (extract + shards + bulk load) with --workers 1, --workers 2 and
# --dask local, then 100,000 articles through shards + bulk load (docs/scale.md). About half an hour.
bench-scale: $(STAMP)
	$(BIN)/python -m graph_builder.bench_scale --out build/bench-scale.json

# docs: HTML documentation of the ontology (classes, properties, individuals, alignments, crosswalks) from the Turtle.
docs: $(STAMP)
	$(BIN)/python -m ontology.docs --out docs/ontology

# train-attack-model: refit the attack-clause classifier on the GSR assault sentences in $(SHARED) (seconds) and
# rewrite graph_builder/models/attack_clause.json; COMPARE=1 first cross-validates every feature family (~2 min).
train-attack-model: $(STAMP)
	$(BIN)/python -m graph_builder.models.train_attack_clause \
	  --gsr $(SHARED)/eval/outside/gsr_assault_dev.jsonl --out graph_builder/models/attack_clause.json \
	  $(if $(COMPARE),--compare)

# notebooks: run the three notebooks and save them with their outputs (also done by `make test`).
notebooks: $(STAMP)
	$(BIN)/pytest -q tests/views/test_views_notebooks.py

lint: $(STAMP)
	$(BIN)/ruff check ontology graph_builder queries tests notebooks

clean:
	rm -rf build .pytest_cache .ruff_cache
