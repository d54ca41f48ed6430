"""The domain core: somdesk's rules, record types, roles and policy as pure functions and value types.

No Qt, no SQLAlchemy, no I/O and no clock reads: today's date is always a parameter. Import the
submodules directly (somdesk.domain.rm2000, ...); this package imports nothing so that loading one
rule never loads the rest.
"""
