"""Input shapes of the triage screens: the sorting conversation and the assessment."""

from likeverd.triage.forms.assessment import DecisionForm as DecisionForm
from likeverd.triage.forms.conversation import ConversationForm as ConversationForm
from likeverd.triage.forms.conversation import EvidenceForm as EvidenceForm
