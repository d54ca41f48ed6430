from somdesk.ui import language
from tests.ui.welsh_leaks import leaks

def test_probe(som, supervisor):
    for c in (som, supervisor):
        c.switch_language("cy")
        for i in range(c.window.nav.count()):
            c.window.show_view_at(i)
        found = leaks(c.window)
        print(f"\n== {len(found)}")
        for f in found:
            print(f)
    language.install("en")
