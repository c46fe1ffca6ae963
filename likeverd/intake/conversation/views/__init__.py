"""The conversation's screens: the reporter's pages (`reporter`) and the staff's reply (`staff`)."""
