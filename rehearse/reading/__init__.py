"""Reading what the trainee typed: a message flows one way through the stages to a move."""
