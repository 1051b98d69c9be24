"""Advice built on the matches: ranking the alternatives under the user's preferences, the
dependency score, and the client report's phases."""
