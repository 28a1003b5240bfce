"""One screen per module: picker, briefing, negotiation, help and debrief."""
