"""The command lines: `somdesk` (the desktop client's headless commands, or its window) and `somdesk-server`.
Thin over the application services (somdesk.app) and the central store (somdesk.server)."""
