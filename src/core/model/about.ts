/**
 * What each state is and is not, in words the app can show beside it.
 * SCIENCE.md §6 rule 1: behaviour and associations only, no brain chemistry;
 * the tachykinin work is mouse research and must be labelled as such.
 */
export const STATE_INFO = {
  everyday: {
    label: 'Everyday connection',
    summary:
      'Rises with everyday positive contact, weighted by how you met, for how long and how much you enjoyed it; fades over a few days.',
    namedAfter:
      'The episode links everyday positive contact to serotonin. Tend measures nothing in your body: this is a score of your logged contact.',
  },
  deepBond: {
    label: 'Deep bond',
    summary:
      'Rises only with deep bonding moments: affection, giving or receiving support, time with a pet, or one-to-one time with someone in your inner circle. Fades slowly.',
    namedAfter:
      'The episode links such moments to oxytocin; that link is debated (SCIENCE.md §5). Tend measures nothing in your body.',
  },
  isolationLoad: {
    label: 'Isolation load',
    summary:
      'Builds over days without live contact (in person fully, calls and video partly, messages barely) and falls when you meet people in person.',
    namedAfter:
      'Named after tachykinin (Tac2), which rose in male mice kept alone for two weeks (Zelikowsky et al., Cell 2018). That is mouse research with no human data; Tend measures nothing in your body.',
  },
  technologyBalance: {
    label: 'Technology balance',
    summary:
      'The share of your time with people that was face to face, over the last 7 and 30 days. Digital contact helps most alongside meeting, not instead of it.',
    namedAfter: 'Based on studies of in-person versus digital contact (Sherman 2013; Teo 2015).',
  },
} as const;

export type StateName = keyof typeof STATE_INFO;

/** Shown with every alert and insight: Tend informs, it does not diagnose. */
export const NOT_MEDICAL_ADVICE =
  'Tend is for self-reflection, not medical advice. If you are struggling, please talk to a doctor or a mental health professional; in a crisis, call your local emergency number.';
