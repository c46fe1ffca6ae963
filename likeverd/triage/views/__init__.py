"""The adviser's triage screens on a case: the sorting conversation and the assessment."""

from likeverd.triage.views.assessment import assessment as assessment
from likeverd.triage.views.assessment import assessment_decision as assessment_decision
from likeverd.triage.views.assessment import assessment_step as assessment_step
from likeverd.triage.views.conversation import conversation as conversation
from likeverd.triage.views.deadlines import deadlines as deadlines
