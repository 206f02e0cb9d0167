"""The component registry: contracts are declared, the default pipeline's order is checked, a wrong order fails."""
from __future__ import annotations

import pytest

from graph_builder.components import REGISTRY, PipelineOrderError, check_order, component
from graph_builder.pipeline import DEFAULT_PIPELINE, Pipeline


def test_every_default_component_declares_its_contract() -> None:
    for name in DEFAULT_PIPELINE:
        comp = REGISTRY[name]
        assert comp.assigns, name
        assert comp.doc, f"{name} has no docstring summary"


def test_the_default_order_is_valid() -> None:
    assert [c.name for c in check_order(DEFAULT_PIPELINE)] == list(DEFAULT_PIPELINE)


def test_a_component_before_the_layer_it_reads_fails_at_start_up() -> None:
    with pytest.raises(PipelineOrderError, match=r"'attacks' reads .*mentions"):
        Pipeline(names=("normalize", "sentences", "tokens", "attacks"))


def test_an_unknown_component_is_named_in_the_error() -> None:
    with pytest.raises(PipelineOrderError, match="unknown pipeline component 'nope'"):
        check_order(("normalize", "nope"))


def test_a_contract_names_only_known_layers() -> None:
    with pytest.raises(ValueError, match="unknown layers"):
        component("broken", requires=("vibes",), assigns=("mentions",))


def test_registering_two_functions_under_one_name_fails() -> None:
    def first(doc, res) -> None:
        """First."""

    def second(doc, res) -> None:
        """Second."""

    component("twice-test", requires=("text",), assigns=("norm",))(first)
    with pytest.raises(ValueError, match="already registered"):
        component("twice-test", requires=("text",), assigns=("norm",))(second)
    del REGISTRY["twice-test"]
