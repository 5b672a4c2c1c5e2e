import pytest


@pytest.fixture(autouse=True)
def _own_checkpoint_file(settings, tmp_path):  # type: ignore[no-untyped-def]
    """Sending runs the commit callbacks, the audit checkpoint among them: each test writes its own file, so that
    no checkpoint outlives the test's database (tests/test_tenant_isolation.py verifies every chain later)."""
    settings.HAVEN_AUDIT_CHECKPOINTS = tmp_path / "checkpoints.jsonl"
