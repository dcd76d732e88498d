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
  soRevenueShare: 'calibrate (docs/model.md §Calibration): SOs on contracts get 60–90 % of revenue from government',
  soRegistrations: 'calibrate (docs/model.md §Calibration): registered SOs grew 6–14 %/yr in 2012–2017',
  alternativeProviders: 'calibrate (docs/model.md §Calibration): fewer than two alternative providers a tender (Girth et al. 2012)',
  soDeregistrations:
    'Ministry of Civil Affairs figures: 762 000 registered SOs at the end of 2017, 816 000 at the end of 2018 (China Philanthropy Times, 16 July 2019), with about 70 000–80 000 new registrations a year before 2020 (China Social Organisation Network, reported by China Development Brief, January 2021), so about 16 000–26 000 deregistrations, 2.1–3.4 % of the stock a year; 0.2 % a month is 2.4 % a year',
  transferRamp: 'Model design: the first design counted function transfer above autonomy 0.5; a ramp replaces the threshold (docs/model.md §Departures 14)',
} as const;
