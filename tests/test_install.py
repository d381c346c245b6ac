"""The built wheel carries the dataset and no doc tooling; load() finds the data everywhere."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

import coophistory
from coophistory import bundle

ROOT = Path(__file__).resolve().parents[1]
PROBE = (
    "import coophistory, pathlib; h = coophistory.load(); "
    "print(pathlib.Path(coophistory.BUNDLED).resolve()); "
    "print(h.supervisor('savings-and-credit', '2019-01-01').bodies[0].id); "
    "print(h.supervisor('ahorro y crédito', '2019-01-01').text(lang='es').split(',')[0])"
)


def test_editable_checkout_finds_top_level_data() -> None:
    """From a checkout, the bundled path is the one source of truth, data/events.toml."""
    assert Path(coophistory.BUNDLED).resolve() == ROOT / "data" / "events.toml"
    assert coophistory.load().records.sources


@pytest.mark.slow
def test_wheel_in_fresh_venv_loads_bundled_data(tmp_path: Path) -> None:
    """Build the wheel, install it in a new virtual environment, and load the data there."""
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next(dist.glob("coophistory-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        shipped = [name for name in archive.namelist() if name.startswith("coophistory/")]
    assert "coophistory/data/events.toml" in shipped
    assert "coophistory/locale/es/LC_MESSAGES/coophistory.mo" in shipped
    assert not [name for name in shipped if name.endswith((".po", ".pot"))]
    assert not [name for name in shipped if name.endswith(("/docs.py", "/gen/pages.py"))]
    env = tmp_path / "env"
    venv.create(env, with_pip=True)
    python = env / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )
    result = subprocess.run(
        [str(python), "-c", PROBE], check=True, capture_output=True, text=True, cwd=tmp_path
    )
    bundled, holder, spanish = result.stdout.splitlines()
    assert "site-packages" in bundled
    assert Path(bundled).read_bytes() == (ROOT / "data" / "events.toml").read_bytes()
    # the compact form the build hook made, beside the TOML and made from exactly its bytes
    compact = Path(bundled).with_name(bundle.COMPACT_NAME)
    assert bundle.document_for(Path(bundled).read_bytes(), compact) is not None
    assert holder == "sbs"
    assert spanish == "El 1 de enero de 2019"  # the catalog came with the wheel
    # The explorer's template and static files travel in the wheel, and Jinja2 with it.
    page = tmp_path / "history.html"
    subprocess.run(
        [str(python), "-m", "coophistory", "export", "html", "-o", str(page)],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    assert "Content-Security-Policy" in page.read_text(encoding="utf-8")
