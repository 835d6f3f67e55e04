import pytest


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of a few rows: the small problems are worked on as large ones would be."""
    from bpstudio.core import network

    monkeypatch.setattr(network, "CHUNK_FLOPS", 3000.0)
