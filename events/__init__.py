"""Events: webinars, workshops, Akademie dates and showings, with calendar feeds."""
