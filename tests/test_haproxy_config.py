"""The HAProxy configuration the administrator's guide shows is the one the tests run, and HAProxy
accepts it as the tests fill it in."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.server.balancer import CONFIG, haproxy_config
from tests.server.sync_helpers import ROOT


def test_the_admin_guide_shows_the_tested_configuration_whole():
    guide = (ROOT / "docs" / "guides" / "admin.md").read_text(encoding="utf-8")
    assert f"```\n{CONFIG.read_text(encoding='utf-8').rstrip()}\n```" in guide


@pytest.mark.skipif(shutil.which("haproxy") is None, reason="HAProxy is not installed (scripts/setup)")
def test_haproxy_accepts_the_configuration_as_the_tests_fill_it_in(tmp_path):
    filled = tmp_path / "haproxy.cfg"
    servers = [("s1", "127.0.0.1:18001"), ("s2", "127.0.0.1:18002")]
    filled.write_text(haproxy_config("127.0.0.1:18000", servers, tmp_path / "stats.sock"), encoding="utf-8")
    checked = subprocess.run(["haproxy", "-c", "-f", str(filled)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
