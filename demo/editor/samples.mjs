// @ts-check
// Three short articles written for this demo (fictional town, people and outlets). Two share a
// quote of the mayor and one of a councillor, and two disagree about when drilling began.
export const SAMPLES = [
  {
    name: 'harbour-gazette',
    date: '2025-03-11',
    text: `Port Alder approves tidal barrier after decade of floods

The city council of Port Alder voted on Monday to build a tidal barrier across the mouth of the Elver estuary, ending ten years of argument over how to protect the old harbour district.

The plan passed by 31 votes to 9. Mayor Ingrid Solberg, who campaigned on the barrier in 2021, called the vote a turning point. \u201CWe have bailed out this harbour for the last time,\u201D Solberg said. \u201CNow we build.\u201D

Councillor Rafael Okonjo, who voted against, said the cost had doubled since last year. Brekke Engineering began test drilling in the estuary in January.

Copyright \u00A9 2025 The Harbour Gazette`,
  },
  {
    name: 'coastal-courier',
    date: '2025-03-11',
    text: `Council says yes to the Elver barrier

Port Alder will get its tidal barrier. Councillors backed the project on Monday evening after a four-hour debate in a packed town hall.

\u201CWe have bailed out this harbour for the last time,\u201D Mayor Ingrid Solberg told the chamber, to applause from residents of the harbour district.

Not everyone was convinced. Rafael Okonjo, a councillor for the Northgate ward, said the estimate of 84 million euros left nothing for overruns. \u201CNobody has shown me who pays when the bill goes up,\u201D Okonjo said.

The contractor, Brekke Engineering, began test drilling in the estuary in February.

Copyright \u00A9 2025 Coastal Courier`,
  },
  {
    name: 'alder-evening-post',
    date: '2025-03-12',
    text: `Barrier vote leaves harbour traders hopeful

Shopkeepers in Port Alder\u2019s harbour district welcomed the council\u2019s decision yesterday to approve a tidal barrier on the Elver estuary.

Marta Lindqvist, who has run a chandlery on the quay since 1998, said she had lost stock to floods four times. \u201CI will believe it when the gates close,\u201D Lindqvist said, \u201Cbut for the first time I believe it.\u201D

Mayor Ingrid Solberg said the barrier would protect about 2,300 homes. \u201CNobody has shown me who pays when the bill goes up,\u201D councillor Rafael Okonjo said after the vote.

Copyright \u00A9 2025 Alder Evening Post`,
  },
];
