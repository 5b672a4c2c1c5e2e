import pytest


@pytest.fixture(autouse=True)
def _own_checkpoint_file(settings, tmp_path):
    """Each test gets its own checkpoint file: the database is new for each test, so must its checkpoints be."""
    settings.HAVEN_AUDIT_CHECKPOINTS = tmp_path / "checkpoints.jsonl"
