"""The network: its programs, its partner institutions and its fellows."""
