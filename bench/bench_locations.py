"""Benchmark: a national postcode-centroid file into an encrypted profile.

    .venv/bin/python bench/bench_locations.py [ROWS] [FORMAT]   (default: 2600000 codepoint; or onspd)

Writes a synthetic file the size of a real one (Code-Point Open: about 1.7 million rows, 10 columns;
the ONS Postcode Directory: about 2.7 million, ~50 columns; postcodes in the file's own order, plainly
made up), then times on a fresh encrypted profile: the dry run, the import, and a second import that
replaces the first (the case a force meets each quarter). Prints rows per second and the peak memory
of the process (the reading streams: it should not grow with the file).
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.store.memory_keyring import MemoryKeyring  # noqa: E402

from somdesk.app.locations import import_centroids  # noqa: E402
from somdesk.store.keychain import DeviceKeychain  # noqa: E402
from somdesk.store.profile import Profile  # noqa: E402

_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
_ONS_HEADER = (
    "pcd,pcd2,pcds,dointr,doterm,oscty,ced,oslaua,osward,parish,usertype,oseast1m,osnrth1m,osgrdind,"
    "oshlthau,nhser,ctry,rgn,streg,pcon,eer,teclec,ttwa,pct,itl,statsward,oa01,casward,park,lsoa01,"
    "msoa01,ur01ind,oac01,oa11,lsoa11,msoa11,wz11,sicbl,bua24,ru11ind,oac11,lat,long,lep1,lep2,pfa,imd,"
    "calncv,icb,oa21,lsoa21,msoa21"
)


def postcodes(rows: int):
    n = 0
    for area in (a + b for a in "ABCDEFGHJKLMNOPRSTUWY" for b in "ABCDEFGHJKLMNOPRSTUWY"):
        for district in range(1, 100):
            for sector in range(10):
                for u in _LETTERS:
                    for v in _LETTERS:
                        yield f"{area}{district} {sector}{u}{v}"
                        n += 1
                        if n == rows:
                            return


def write_file(path: Path, rows: int, kind: str) -> None:
    with path.open("w", newline="") as f:
        if kind == "onspd":
            f.write(_ONS_HEADER + "\n")
            tail = ",".join(['"E99999999"'] * 38)
        for i, p in enumerate(postcodes(rows)):
            e, n = 100_000 + (i * 37) % 550_000, 10_000 + (i * 91) % 1_200_000
            if kind == "onspd":
                f.write(f'"{p}","{p}","{p}","198001","","E1","E2","E3","E4","E5","0",{e},{n},"1",{tail}\n')
            else:
                f.write(
                    f'"{p}",10,{e},{n},"E92000001","E19000001","E18000001","","E09000001","E05000001"\r\n'
                )


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 2_600_000
    kind = sys.argv[2] if len(sys.argv) > 2 else "codepoint"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"centroids-{kind}.csv"
        start = time.perf_counter()
        write_file(path, rows, kind)
        size = path.stat().st_size
        print(f"{rows:,} rows, {kind}, {size / 1e6:,.0f} MB, written in {time.perf_counter() - start:.1f} s")
        profile = Profile(Path(folder) / "profiles" / "bench")
        opened = profile.create("bench passphrase", "bench", DeviceKeychain(MemoryKeyring()))
        now = datetime.now(UTC)
        try:
            for label, commit in (("dry run", False), ("import", True), ("import again", True)):
                start = time.perf_counter()
                report = import_centroids(opened.postcodes(), path, commit=commit, loaded_by="bench", now=now)
                took = time.perf_counter() - start
                print(
                    f"{label}: {took:.1f} s, {report.rows / took:,.0f} rows/s, {report.points:,} points, "
                    f"{report.problem_count} problems"
                )
            store = opened.postcodes()
            wanted = [p for i, p in enumerate(postcodes(rows)) if i % 997 == 0][:2000]
            start = time.perf_counter()
            found = store.points_of(wanted)
            took = (time.perf_counter() - start) * 1000
            print(f"lookup of {len(wanted):,} postcodes: {took:.0f} ms ({len(found):,} found)")
            files = sum(p.stat().st_size for p in profile.folder.rglob("*") if p.is_file())
            print(f"profile folder: {files / 1e6:,.0f} MB")
        finally:
            opened.lock()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the process: {peak:,.0f} MB")


if __name__ == "__main__":
    main()
