"""The central store: accounts, devices and (to come) sync, over PostgreSQL. Never imports Qt."""
