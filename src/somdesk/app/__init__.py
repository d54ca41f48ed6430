"""The application services a signed-in user works through, shared by the window and the command line:
the session, the effective force policy, profiles, the workspace figures. No Qt, no SQL."""
