// Long citations, by name: the quotations of the two papers and the published figures behind a
// value. A parameter's `source` names one (`source: SOURCES.liWangCauses`); a short attribution
// ("Model design", "Cyert & March 1963; step assumed") is written in the entry itself.
export const SOURCES = {
  liWangCauses:
    'Li & Wang 2017: the government relies on the path dependence of the traditional mode of public service supply, the rationalization of political rationality under the dual management system, and the asymmetric dependence between the government and the society are the key factors',
  liWangPrevention:
    'Li & Wang 2017: There is a need to gradually clarify the applicability of the purchase, the release of resources at different levels; further change the management orientation, balance the relationship between government and [society], and strengthen the purchase of the whole process of quality supervision system construction.',
  changshaMechanisms: 'Changsha 2011: 建立了政府买单与社会运作机制、绩效考评与经费资助机制、规范管理与专业队伍服务机制',
  changshaOwnResources: 'Changsha 2011: 增强社会组织获取资源的能力',
  changshaTransparency: 'Changsha 2011: 构筑购买公共服务的透明机制和合理的监督机制',
  stateCouncil2013:
    'State Council General Office, Guiding Opinions on Government Purchase of Services from Social Forces (国办发〔2013〕96号): purchase made a task of local governments, assessed by the level above; the weight is assumed (docs/model.md §7.3)',
  serviceSpending:
    'Published magnitude: local spending on social security and employment grew about 10 %/yr nominally in 2012–2017 (Ministry of Finance final accounts); deflated by urban wage growth of about 7 %/yr (services are labour), about 3 %/yr real — the deflator is an assumption (docs/model.md)',
  charityDonations:
    'China Charity Donation Reports: donations about 82 bn yuan in 2012 and about 150 bn in 2017, some 13 %/yr nominal, about 8 %/yr real (approximate)',
  charityDonationsYears:
    'China Charity Donation Reports: donations grew fast from 2012 (about 82 bn yuan) to 2017 (about 150 bn), and were about as large in 2021 (about 145 bn), the pandemic year 2020 aside (approximate; to be checked against the reports)',
  soRevenueShare:
    "Model 2.0's fitted value, kept (docs/calibration.md §The calibration of the model): the government share of contracted SOs' revenue is an identity of it, and reads about 0.62 there (0.61–0.63 on fresh seeds), inside the published 0.6–0.9; it is a measured input, not a target",
  soRegistrations:
    'calibrate (docs/calibration.md §The calibration of the model): registered SOs grew 8.1–10.8 %/yr in 2012–2017 (Ministry of Civil Affairs bulletins); not identified (the posterior is nearly its prior), the registry keeps a value near the posterior mean',
  failedTenders:
    'calibrate (docs/calibration.md §The calibration of the model): registered SOs grew 8.1–10.8 %/yr in 2012–2017 (Ministry of Civil Affairs bulletins), and over 30 % of Nanjing’s 65 civil-affairs service tenders of 2016 failed for want of bidders; the posterior mean, rounded (identified, contraction 0.92)',
  crowdingIn:
    'Published: central funding crowds in other revenue of SOs (Public Performance & Management Review 2019, 2 058 questionnaires, 2013–2017); its size is not identified by the calibration (the posterior is its prior, docs/calibration.md §The calibration of the model), so the prior’s mean is assumed',
  soDeregistrations:
    'Ministry of Civil Affairs figures: 762 000 registered SOs at the end of 2017, 816 000 at the end of 2018 (China Philanthropy Times, 16 July 2019), with about 70 000–80 000 new registrations a year before 2020 (China Social Organisation Network, reported by China Development Brief, January 2021), so about 16 000–26 000 deregistrations, 2.1–3.4 % of the stock a year; 0.2 % a month is 2.4 % a year',
  transferRamp:
    'Model design: the first design counted function transfer above autonomy 0.5; a ramp replaces the threshold (docs/model-changes.md §Departures 14)',
} as const;
