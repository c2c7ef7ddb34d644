/**
 * A synthetic joint policy of about 3,000 words in Markdown, written in the plain British English of
 * NHS policy, used to measure how reliably leaked excerpts of marked copies are traced.
 */
export const samplePolicyText = `# Joint policy on care for people in frequent contact with crisis services

Version 4, draft for discussion between the parties. This draft is confidential to the members of the parties until both have consented to its publication.

## 1. Purpose

This policy sets out how mental health trusts, integrated care boards and their partners should support people who are in frequent contact with crisis services. It replaces local guidance that treated frequent contact as a problem of demand rather than a sign of unmet need. The policy was written jointly by the health service and a coalition of people with lived experience, families and carers, working as equal partners under three agreed principles.

The policy applies to every service that a person may contact in a crisis: community mental health teams, crisis resolution and home treatment teams, liaison psychiatry in emergency departments, NHS 111 and the ambulance service, and the police where they are called to a mental health emergency. It applies to adults of all ages, while a separate policy covers children and young people.

Nothing in this policy limits a person's rights under the Mental Health Act 1983, the Mental Capacity Act 2005, the Equality Act 2010 or the Human Rights Act 1998. Where this policy and the law appear to differ, the law prevails and the service should seek advice.

## 2. Background

Between 2017 and 2021 a number of areas adopted models of care that placed police officers within mental health teams and treated people who often called for help as "high intensity users". Some of these models were associated with the withholding of care, with threats of prosecution, and with the sharing of sensitive information between health services and the police without a clear legal basis. People told us that they stopped calling for help because they feared the response.

A national review found that, among the areas it examined, fewer than half could show how decisions about an individual's care had been made, who had been involved, or whether the person had been told. In three areas, care plans included conditions that the person had not agreed to and in some cases had not seen. The review also found that 38 per cent of the people it heard from had been threatened with legal action while in crisis.

The evidence for the approach was weak. The studies that were cited in its support measured the number of calls, not the health or safety of the people making them. A fall in calls can mean that a person is better supported; it can also mean that they have given up asking for help — and the two were not distinguished.

Since then, NHS England and the coalition have worked together to agree what good care looks like for people in frequent contact with services. This policy is the result. It is not a model to be bought or licensed, and no part of it depends on a particular provider.

## 3. Principles

The parties agreed three principles at the start of their work, and this policy is built on them.

- **Care, not control.** Frequent contact is a sign that a person's needs are not being met. The response is to understand and meet those needs, not to reduce contact for its own sake.
- **Nothing about us without us.** People who use services, their families and carers are partners in planning care, in reviewing it and in deciding when it should change.
- **Openness.** Every decision about a person's care is recorded, explained to the person and open to challenge.

These principles apply to every part of the policy. Where a service is unsure how to act, it should ask which course best respects all three.

## 4. Who this policy is for

The policy is for people who contact crisis services often, for the staff who respond to them, and for the managers and commissioners who design services. It will also be useful to advocates, independent mental health advocates, and voluntary organisations that support people in crisis.

By frequent contact we mean contact that a person or their clinicians consider to be more than they would wish for, whatever the number of contacts. We do not set a threshold. Thresholds in earlier schemes, for example five attendances at an emergency department in three months, identified people by their use of services rather than by their needs, and led to lists of names being shared with the police.

## 5. What good care looks like

### 5.1 Understanding the person

Good care starts with understanding why a person is in frequent contact. Common reasons include unmet needs for support with housing, money, relationships or physical health; trauma, including trauma caused by earlier care; isolation; and gaps between services, for instance when a person is discharged without a plan or is waiting for an assessment.

Staff should ask the person what would help, and should record the answer in the person's own words. A plan that the person has not helped to write is unlikely to work. While it may take several conversations to build trust, the time is well spent: people who felt listened to were far less likely to return to crisis services in the following six months.

### 5.2 Planning together

Every person in frequent contact with crisis services should be offered a care plan made with them. The plan should say:

1. what the person finds helpful in a crisis, and what they find unhelpful or harmful;
2. who the person would like to be contacted, and who should not be;
3. which services will offer support, and how to reach them at any hour;
4. what will happen if the plan is not working, and how the person can ask for a review.

The plan belongs to the person. They should have a copy in a form they can use, whether on paper, by email or in an app, and should be able to share it with anyone they choose. Services should not add conditions to the plan without the person's agreement.

### 5.3 Responding in a crisis

When a person in frequent contact calls for help, the response should be the same as for anyone else in crisis: timely, compassionate and focused on their safety and wellbeing. Staff should not refuse a response, delay it, or offer a reduced response because of the number of previous contacts.

A person should never be told that they will be prosecuted, fined or reported to the police for asking for help. Where a person's behaviour puts others at risk, services should respond to the risk, not to the frequency of contact, and should follow their ordinary policies on violence and aggression.

### 5.4 Reviewing care

Care plans should be reviewed with the person at least every three months, and sooner if the person asks. The review should consider whether the person's needs are being met, whether contact with crisis services has changed, and whether the person feels safer. A fall in contact is not in itself a measure of success.

Reviews should involve the people the person wants involved. Where several services are involved, one should take the lead in coordinating the review and should make sure that the person knows who that is.

## 6. The role of the police

The police have a duty to respond to emergencies, including mental health emergencies, and officers often meet people in crisis. That role is important, but it is not a health care role. Police officers should not be members of mental health teams, should not hold caseloads of patients, and should not take part in clinical decision-making about an individual's care.

Where health services and the police need to work together, for instance to plan for a known risk at a particular place, they should do so under a written agreement that sets out what information is shared, with whom, for what purpose and on what legal basis. The person should be told what has been shared, unless telling them would put someone at serious risk, and the reason for any exception should be recorded.

Services should never share information with the police in order to discourage a person from seeking help. Information shared for one purpose should not be used for another.

## 7. Information and confidentiality

People who use crisis services share some of the most sensitive information there is. Services must treat it with care, and must follow the common law duty of confidentiality, data protection law and the Caldicott principles.

In particular, services should:

- share information only where it is necessary, proportionate and lawful, and only the minimum needed;
- record every disclosure, including what was shared, with whom, when and why;
- tell the person about any disclosure, unless there is a clear and recorded reason not to;
- never create lists of people in frequent contact for circulation to other agencies.

People have the right to see what is recorded about them, and to ask for it to be corrected. Services should make it easy to do so, and should answer within the time the law allows.

## 8. Involving people with lived experience

The parties agreed that people with lived experience must be involved at every level: in their own care, in the design of local services, and in oversight. Involvement should be paid, supported and meaningful. It is not enough to consult people once a decision has been made.

Each integrated care board should set up a panel of people with lived experience of frequent contact with crisis services, with support from an independent organisation. The panel should review local data at least twice a year, should be able to ask questions of any service covered by this policy, and should publish its findings. Services should respond in writing within eight weeks.

Members of the panel should be offered training, supervision and peer support, and should be paid at a rate agreed with them. Their expenses, including travel and the cost of care for dependants, should be met in full.

## 9. Measuring what matters

Earlier schemes were judged by the fall in the number of calls, attendances and admissions. This policy asks services to measure what matters to people instead. Local measures should be agreed with the lived experience panel and should include:

- whether people feel safer and better supported;
- whether they have a care plan that they helped to write, and whether it is working;
- how long people wait for help in a crisis, and whether any response was refused or delayed;
- how often information was shared with the police, and whether the person was told.

Services should publish these measures every quarter, broken down by age, sex, ethnicity and disability where numbers allow. Where a measure shows a difference between groups, the service should explain what it will do about it.

National data show that people from Black communities are more likely to be detained under the Mental Health Act and more likely to have contact with the police during a mental health crisis. Services should pay particular attention to whether this policy is applied fairly, and the lived experience panel should review this at every meeting.

## 10. Training

All staff who respond to people in crisis should be trained in this policy within six months of its publication, and new staff within their first three months. Training should be co-designed and co-delivered with people with lived experience.

Training should cover trauma-informed care, the principles of this policy, the law on information sharing, and how to write a care plan with a person rather than for them. It should include the history of the schemes this policy replaces, so that staff understand why the changes matter.

Managers should receive additional training on reviewing care, on supporting staff who work with people in frequent contact, and on recognising when a service has begun to treat frequent contact as a problem of demand.

## 11. Oversight and accountability

Each trust board should receive a report on the measures in section 9 at least twice a year, and the report should be published. Boards should ask whether the principles of this policy are being followed, not only whether the measures are moving in the right direction.

Where a person believes that this policy has not been followed in their care, they should be able to complain in the usual way, and should be offered the support of an advocate. Complaints about the sharing of information with the police should be investigated by someone independent of the team involved.

Integrated care boards should commission an independent review of the policy's effect two years after its publication. The review should involve people with lived experience as equal members of the review team, and its report should be published in full.

## 12. Working with other agencies

People in frequent contact with crisis services are often also in contact with housing services, social care, the benefits system, the criminal justice system and voluntary organisations. Each of these can help or harm.

Services should work with other agencies to meet the person's needs, with the person's agreement. They should avoid passing a person between agencies, and should make sure that the person knows who is responsible for what. Where an agency's involvement is likely to cause harm — for example where contact with the police has been traumatic — services should look for another way to meet the need.

Local partnerships should agree how agencies will work together under this policy, and the agreement should be reviewed by the lived experience panel before it is adopted.

## 13. Implementation

Trusts and integrated care boards should review their current arrangements against this policy within three months of its publication, working with people with lived experience. Any arrangement that places police officers within mental health teams, or that uses the frequency of contact to decide the response, should end within six months.

NHS England will support implementation by publishing guidance, case studies and a self-assessment tool, and by funding the set-up of lived experience panels in the first year. The coalition will support people with lived experience to take part in local reviews, and will publish its own account of how implementation is going.

The parties will meet at least every quarter during the first two years to review progress. Either party may ask for an earlier meeting, and the other will agree to it within four weeks.

## 14. Review of this policy

This policy will be reviewed three years after its publication, or sooner if the law changes or the evidence shows that it is not working as intended. The review will be carried out jointly by the parties, under the same principles and with the same requirement that neither publishes a revised policy without the other's consent.

## Annex A. Questions to ask when planning care

The following questions may help staff and the person to write a plan together. They are not a checklist, and not every question will be relevant.

1. What has helped you in a crisis before? What has made things worse?
2. Who would you like us to contact, and who would you rather we did not?
3. Is there anything happening in your life at the moment, for instance with money, housing or relationships, that we could help with?
4. How would you like to be contacted, and at what times?
5. What would you like us to do if we are worried about you and cannot reach you?
6. How will we know if the plan is working? How would you like to review it?

## Annex B. Glossary

**Crisis services.** Services that respond to a mental health crisis at any hour, including crisis lines, crisis resolution and home treatment teams, liaison psychiatry and the ambulance service.

**Frequent contact.** Contact with crisis services that a person or their clinicians consider to be more than they would wish for. This policy does not define it by a number.

**Lived experience.** Personal experience of mental ill health, of using mental health services, or of caring for someone who does.

**Lived experience panel.** A group of people with lived experience, set up under section 8, who review local data and hold services to account for this policy.

**Trauma-informed care.** Care that recognises the effects of trauma, avoids causing further harm, and supports people to feel safe and in control.

## Annex C. Summary of changes from the previous guidance

The previous guidance allowed services to share information about people in frequent contact with the police as a matter of routine, to include conditions in care plans without the person's agreement, and to measure success by a fall in contact. This policy ends each of these practices.

In their place it requires care plans made with the person, a record of every disclosure of information and of whether the person was told, measures of what matters to people, and oversight by panels of people with lived experience. It also sets out how the police and health services should work together without blurring their roles.

The parties recognise that these changes will take time, and that some services will need support to make them. They also recognise that people who were harmed by the schemes this policy replaces are owed an acknowledgement of that harm. Each trust that operated such a scheme should offer to meet the people affected, with an advocate present if they wish, to hear their experience and to explain what has changed.

## Annex D. How the parties worked together

The policy was drafted over fourteen months in a series of working meetings, with a draft shared between meetings for comment. Each party nominated four members to the drafting group, and decisions were taken by consent, not by majority. Where the parties disagreed, the disagreement and the reasons for it were recorded, and the text was not changed until both parties agreed.

People with lived experience were paid for their time at the same rate as professional advisers, and the coalition was funded to hold its own meetings between the joint meetings, so that its members could prepare and decide their position on equal terms. Papers were sent at least five working days before each meeting, in accessible formats where needed.

Both parties agreed that neither would publish the policy, or any part of it, or any statement about the work, without the consent of the other. Both agreed that the final text would be published only when each had consented to that exact version, and that if the agreed text was not published by the agreed date, either party could say publicly that it had been agreed.
`;
