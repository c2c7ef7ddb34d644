import type { SeededRandom } from '../seeded-random.js';

const bodies = [
  'The Trust board',
  'The Quality and Safety Committee',
  'The Integrated Care Board',
  'The Mental Health Act Committee',
  'The People Committee',
  'The Audit and Risk Committee',
  'The Executive Management Team',
  'The Council of Governors',
];
const noted = ['noted', 'received', 'discussed', 'considered', 'reviewed', 'welcomed'];
const reports = [
  'the integrated performance report',
  'the quarterly finance report',
  'the workforce report',
  'the annual infection prevention and control statement',
  'the guardian of safe working report',
  'the estates strategy update',
  'the patient experience report',
  'the learning from deaths report',
  'the board assurance framework',
  'the corporate risk register',
];
const periods = [
  'the second quarter',
  'month 7',
  'the year to date',
  'January',
  'the period ending 30 September',
  'the last twelve months',
];
const roles = [
  'The Chief Nurse',
  'The Medical Director',
  'The Director of Finance',
  'The Chief Operating Officer',
  'The Director of Strategy',
  'The Head of Patient Safety',
  'The Freedom to Speak Up Guardian',
];
const topics = [
  'staffing pressures on inpatient wards',
  'progress against the cost improvement programme',
  'reduced use of agency staff',
  'improvements in discharge planning',
  'the rise in out-of-area placements',
  'waiting times for psychological therapies',
  'the roll-out of the electronic patient record',
  'compliance with mandatory training',
];
const services = [
  'The community mental health team',
  'The perinatal mental health service',
  'The early intervention in psychosis service',
  'The older adults service',
  'The eating disorders service',
  'The learning disabilities team',
  'The children and young people service',
  'The home treatment team',
];
const actions = [
  'complete its recruitment plan',
  'publish a revised operating model',
  'reduce its waiting list by a fifth',
  'introduce a single point of access',
  'move to seven-day working',
  'finish the review of its care pathway',
  'report back to the committee',
];
const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const metrics = [
  'Bed occupancy',
  'Staff turnover',
  'Sickness absence',
  'Appraisal compliance',
  'The vacancy rate',
  'Seven-day follow-up after discharge',
  'The proportion of care plans reviewed on time',
];
const conditions = [
  'the changes agreed at the meeting',
  'confirmation of the capital allocation',
  'a further review by the finance committee',
  'legal advice on the contract terms',
  'engagement with service users and carers',
];
const units = ['wards', 'teams', 'localities', 'directorates', 'sites'];

const neutralTemplates: ((r: SeededRandom) => string)[] = [
  (r) => `${r.pick(bodies)} ${r.pick(noted)} ${r.pick(reports)} for ${r.pick(periods)}.`,
  (r) => `${r.pick(roles)} presented ${r.pick(reports)}, highlighting ${r.pick(topics)}.`,
  (r) => `${r.pick(bodies)} approved the proposal subject to ${r.pick(conditions)}.`,
  (r) =>
    `${r.pick(metrics)} was ${r.between(2, 97)}.${r.between(0, 9)}% in ${r.pick(months)}, against a target of ${r.between(5, 95)}%.`,
  (r) =>
    `${r.pick(services)} will ${r.pick(actions)} by ${r.pick(months)} ${r.between(2024, 2027)}.`,
  (r) =>
    `Actions from the previous meeting were reviewed; ${r.between(2, 14)} were closed and ${r.between(1, 6)} remain open.`,
  (r) =>
    `Staff survey scores improved in ${r.between(3, 9)} of ${r.between(10, 14)} ${r.pick(units)}, with the largest gains in ${r.pick(topics)}.`,
  (r) =>
    `The committee asked for assurance on ${r.pick(topics)} and requested a deep dive at its next meeting.`,
  (r) =>
    `A risk relating to ${r.pick(topics)} was added to the register with a score of ${r.between(6, 20)}.`,
  (r) =>
    `Spending for ${r.pick(periods)} was £${r.between(1, 48)}.${r.between(1, 9)}m, which is £${r.between(1, 900)}k ${r.pick(['above', 'below'])} plan.`,
  (r) =>
    `Service users and carers took part in ${r.between(3, 30)} co-production sessions on ${r.pick(topics)}.`,
  (r) =>
    `${r.pick(services)} received ${r.between(40, 900)} referrals in ${r.pick(months)}, of which ${r.between(50, 95)}% were seen within four weeks.`,
  (r) =>
    `The place of safety was used ${r.between(5, 60)} times under section 136 in ${r.pick(months)}, and the street triage service attended ${r.between(20, 200)} calls with the police.`,
  (r) =>
    `Police were called to ${r.between(1, 9)} incidents on the wards in ${r.pick(months)}, each reviewed under the violence reduction policy.`,
];

/** Sentences showing the features of concern, as the screening catalogue describes them. */
export const featureTemplates: ((r: SeededRandom) => string)[] = [
  (r) =>
    `Serenity Integrated Mentoring (SIM) was adopted by the Trust in ${r.between(2016, 2021)} and the SIM team now includes a police officer embedded in the community mental health team.`,
  () =>
    'The high intensity team includes a police officer who attends care planning meetings for people who frequently call emergency services.',
  () =>
    'Patients identified as high intensity users will be given a response plan agreed with the police, which may include prosecution for repeated calls.',
  () =>
    'A behaviour contract sets out that further calls to the crisis line could lead to a community protection notice or a criminal behaviour order.',
  () =>
    'The frequent attender panel, which a police mentor attends, reviews each person’s use of services every month and agrees boundaries for contact.',
];

const critiqueTemplates: ((r: SeededRandom) => string)[] = [
  () =>
    'Campaigners have called for the Trust to end SIM and remove police from mental health care plans.',
  () =>
    'The Trust confirmed that it has never used Serenity Integrated Mentoring and will not place police officers in care teams.',
  () =>
    'The review found that withholding care from people labelled high intensity users is unacceptable and must end.',
];

const headings = [
  'Chief Executive’s report',
  'Quality and safety',
  'Finance and performance',
  'Workforce',
  'Risk and assurance',
  'Estates and digital',
  'Patient experience',
  'Governance',
];

/** Writes realistic board-paper prose: mostly neutral, about 1% feature sentences, some critique. */
export function createBoardPaperWriter(random: SeededRandom) {
  const sentence = () => {
    const roll = random.next();
    if (roll < 0.01) return random.pick(featureTemplates)(random);
    if (roll < 0.015) return random.pick(critiqueTemplates)(random);
    return random.pick(neutralTemplates)(random);
  };
  return {
    /** A paragraph of three to seven sentences. */
    paragraph(): string {
      return Array.from({ length: random.between(3, 7) }, sentence).join(' ');
    },
    /** A numbered section heading. */
    heading(number: number): string {
      return `${number}. ${random.pick(headings)}`;
    },
  };
}
