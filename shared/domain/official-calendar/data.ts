/**
 * The State Council's yearly holiday and make-up workday schedule (国务院办公厅关于 YYYY 年部分节假日安排
 * 的通知), as published. One entry per notice, transcribed from its text; nothing here is computed or
 * guessed. A year whose notice has not been found is left out (the console then warns, from November,
 * that next year's schedule is missing, and an administrator can enter it: server/modules/calendar).
 *
 * Not shipped: 2027. As of 2026-12-06 no text of a notice for 2027 could be found in the sources
 * searched; add it here (with its source) once it is published.
 */

/** The festivals of the 《全国年节及纪念日放假办法》 that get days off. */
export type Festival =
  | 'new_year'
  | 'spring_festival'
  | 'qingming'
  | 'labour_day'
  | 'dragon_boat'
  | 'mid_autumn'
  | 'national_day';

export const FESTIVALS: readonly Festival[] = [
  'new_year',
  'spring_festival',
  'qingming',
  'labour_day',
  'dragon_boat',
  'mid_autumn',
  'national_day',
];

/** One item of a notice: the days off (inclusive, local dates) and the weekend days worked instead (调休上班). */
export interface HolidayBlock {
  festival: Festival;
  /** As the notice names it, e.g. 国庆节、中秋节 when the two are merged. */
  name: string;
  from: string;
  to: string;
  makeupWorkdays: string[];
}

export interface OfficialYear {
  year: number;
  title: string;
  document: string;
  issuedOn: string;
  /** Where the text was read: the Xinhua release as republished; the original is on www.gov.cn. */
  sources: string[];
  holidays: HolidayBlock[];
}

export const OFFICIAL_YEARS: readonly OfficialYear[] = [
  {
    year: 2025,
    title: '国务院办公厅关于2025年部分节假日安排的通知',
    document: '国办发明电〔2024〕12号',
    issuedOn: '2024-11-12',
    sources: ['https://m.gmw.cn/2024-11/12/content_1303894933.htm'],
    holidays: [
      { festival: 'new_year', name: '元旦', from: '2025-01-01', to: '2025-01-01', makeupWorkdays: [] },
      {
        festival: 'spring_festival',
        name: '春节',
        from: '2025-01-28',
        to: '2025-02-04',
        makeupWorkdays: ['2025-01-26', '2025-02-08'],
      },
      { festival: 'qingming', name: '清明节', from: '2025-04-04', to: '2025-04-06', makeupWorkdays: [] },
      {
        festival: 'labour_day',
        name: '劳动节',
        from: '2025-05-01',
        to: '2025-05-05',
        makeupWorkdays: ['2025-04-27'],
      },
      { festival: 'dragon_boat', name: '端午节', from: '2025-05-31', to: '2025-06-02', makeupWorkdays: [] },
      {
        festival: 'national_day',
        name: '国庆节、中秋节',
        from: '2025-10-01',
        to: '2025-10-08',
        makeupWorkdays: ['2025-09-28', '2025-10-11'],
      },
    ],
  },
  {
    year: 2026,
    title: '国务院办公厅关于2026年部分节假日安排的通知',
    document: '国办发明电〔2025〕7号',
    issuedOn: '2025-11-04',
    sources: ['https://politics.gmw.cn/2025-11/04/content_38391083.htm'],
    holidays: [
      {
        festival: 'new_year',
        name: '元旦',
        from: '2026-01-01',
        to: '2026-01-03',
        makeupWorkdays: ['2026-01-04'],
      },
      {
        festival: 'spring_festival',
        name: '春节',
        from: '2026-02-15',
        to: '2026-02-23',
        makeupWorkdays: ['2026-02-14', '2026-02-28'],
      },
      { festival: 'qingming', name: '清明节', from: '2026-04-04', to: '2026-04-06', makeupWorkdays: [] },
      {
        festival: 'labour_day',
        name: '劳动节',
        from: '2026-05-01',
        to: '2026-05-05',
        makeupWorkdays: ['2026-05-09'],
      },
      { festival: 'dragon_boat', name: '端午节', from: '2026-06-19', to: '2026-06-21', makeupWorkdays: [] },
      { festival: 'mid_autumn', name: '中秋节', from: '2026-09-25', to: '2026-09-27', makeupWorkdays: [] },
      {
        festival: 'national_day',
        name: '国庆节',
        from: '2026-10-01',
        to: '2026-10-07',
        makeupWorkdays: ['2026-09-20', '2026-10-10'],
      },
    ],
  },
];
