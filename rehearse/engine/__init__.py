"""The negotiation engine: moves, classifier, machine, strategy and sessions (headless)."""
