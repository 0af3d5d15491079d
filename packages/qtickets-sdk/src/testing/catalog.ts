/**
 * Fixed, obviously fake reference data: cities with their IANA zones, names, venues,
 * event titles and the colour-theme catalogue. Nothing here is real personal data.
 */

/** A city as QTickets returns it in `event.city`, plus map coordinates. */
export interface City {
  id: number
  name: string
  timezone: string
  coords: [number, number]
  /** Subdomain used in fake event URLs. */
  slug: string
  /** Relative share of events held here. */
  weight: number
}

/** Cities events are held in; several non-Moscow zones on purpose. */
export const CITIES: readonly City[] = [
  { id: 1, name: 'Москва', timezone: 'Europe/Moscow', coords: [55.76012, 37.61874], slug: 'msk', weight: 5 },
  { id: 2, name: 'Санкт-Петербург', timezone: 'Europe/Moscow', coords: [59.93863, 30.31413], slug: 'spb', weight: 2 },
  { id: 57, name: 'Красноярск', timezone: 'Asia/Krasnoyarsk', coords: [56.01093, 92.85261], slug: 'krsk', weight: 2 },
  // Tomsk carries Asia/Krasnoyarsk (the same UTC+7 offset) rather than Asia/Tomsk: two cities share a zone.
  { id: 70, name: 'Томск', timezone: 'Asia/Krasnoyarsk', coords: [56.48466, 84.94813], slug: 'tomsk', weight: 1 },
  { id: 64, name: 'Новокузнецк', timezone: 'Asia/Novokuznetsk', coords: [53.75574, 87.10991], slug: 'nkz', weight: 1 },
  { id: 63, name: 'Новосибирск', timezone: 'Asia/Novosibirsk', coords: [55.03012, 82.92043], slug: 'nsk', weight: 2 },
  { id: 54, name: 'Екатеринбург', timezone: 'Asia/Yekaterinburg', coords: [56.83892, 60.60570], slug: 'ekb', weight: 2 },
  { id: 88, name: 'Казань', timezone: 'Europe/Moscow', coords: [55.79608, 49.10660], slug: 'kzn', weight: 1 },
  { id: 41, name: 'Владивосток', timezone: 'Asia/Vladivostok', coords: [43.11552, 131.88551], slug: 'vl', weight: 1 },
]

/** Event kinds: title stem, slug stem, event type id, age, and whether halls have a dance floor. */
export const EVENT_KINDS = [
  { title: 'Вечер джаза', slug: 'vecher-dzhaza', typeId: 2, age: '12+', generalAdmission: true },
  { title: 'Стендап', slug: 'stendap', typeId: 5, age: '18+', generalAdmission: false },
  { title: 'Спектакль', slug: 'spektakl', typeId: 3, age: '12+', generalAdmission: false },
  { title: 'Концерт', slug: 'koncert', typeId: 2, age: '6+', generalAdmission: true },
  { title: 'Лекция', slug: 'lekciya', typeId: 7, age: '6+', generalAdmission: false },
  { title: 'Рок-фестиваль', slug: 'rok-festival', typeId: 2, age: '16+', generalAdmission: true },
] as const

/** Invented proper names used in event titles. */
export const TITLE_WORDS = ['Пример', 'Образец', 'Черновик', 'Макет', 'Шаблон', 'Эскиз', 'Прототип', 'Набросок', 'Условность', 'Проба']

/** Transliterations of TITLE_WORDS for slugs. */
export const TITLE_SLUGS = ['primer', 'obrazec', 'chernovik', 'maket', 'shablon', 'eskiz', 'prototip', 'nabrosok', 'uslovnost', 'proba']

/** Invented venues. */
export const VENUES = [
  { name: 'Концертный зал «Образец»', address: 'ул. Примерная, 1' },
  { name: 'Клуб «Макет»', address: 'ул. Образцовая, 7' },
  { name: 'Лекторий «Условный»', address: 'пр. Вымышленный, 10' },
  { name: 'Дворец культуры «Пример»', address: 'ул. Тестовая, 3' },
  { name: 'Театр «Черновик»', address: 'пер. Шаблонный, 5' },
]

/** First names (Cyrillic) with a Latin stem for fake e-mails. */
export const FIRST_NAMES = [
  ['Анна', 'anna'], ['Иван', 'ivan'], ['Ольга', 'olga'], ['Пётр', 'petr'], ['Мария', 'maria'], ['Сергей', 'sergey'],
  ['Елена', 'elena'], ['Дмитрий', 'dmitry'], ['Нина', 'nina'], ['Кира', 'kira'], ['Лев', 'lev'], ['Вера', 'vera'],
  ['Глеб', 'gleb'], ['Алиса', 'alisa'], ['Тимур', 'timur'], ['Зоя', 'zoya'],
] as const

/** Surnames: masculine and feminine forms with a Latin stem. */
export const SURNAMES = [
  ['Примеров', 'Примерова', 'primerov'], ['Тестов', 'Тестова', 'testov'], ['Образцов', 'Образцова', 'obrazcov'],
  ['Фиктивный', 'Фиктивная', 'fiktivnyj'], ['Макетов', 'Макетова', 'maketov'], ['Шаблонов', 'Шаблонова', 'shablonov'],
  ['Вымыслов', 'Вымыслова', 'vymyslov'], ['Условный', 'Условная', 'uslovnyj'], ['Черновиков', 'Черновикова', 'chernovikov'],
  ['Заглушкин', 'Заглушкина', 'zaglushkin'],
] as const

/** Index of feminine first names in FIRST_NAMES. */
export const FEMININE = new Set([0, 2, 4, 6, 8, 9, 11, 13, 15])

/** Patronymics (masculine, feminine). */
export const MIDDLE_NAMES = [['Петрович', 'Петровна'], ['Иванович', 'Ивановна'], ['Сергеевич', 'Сергеевна']] as const

/** UTM sources with typical mediums. */
export const UTM_SOURCES = [
  ['yandex', 'cpc'], ['vk', 'cpc'], ['telegram', 'post'], ['google', 'cpc'], ['email', 'newsletter'], ['afisha', 'referral'],
] as const

/** UTM terms. */
export const UTM_TERMS = ['концерт билеты', 'куда сходить', 'афиша выходные', 'билеты недорого']

/** The colour-theme catalogue (`GET color-themes`), deliberately not sorted by id. */
export const COLOR_THEMES: readonly { id: number; color: string }[] = [
  { id: 1, color: '#c81e1e' }, { id: 2, color: '#c81e78' }, { id: 3, color: '#9b1ec8' }, { id: 4, color: '#641ec8' },
  { id: 5, color: '#1e50c8' }, { id: 6, color: '#1e96c8' }, { id: 7, color: '#1ec8be' }, { id: 8, color: '#1ec84b' },
  { id: 15, color: '#14914b' }, { id: 9, color: '#96c81e' }, { id: 10, color: '#c8c31e' }, { id: 11, color: '#c88c1e' },
  { id: 12, color: '#d2691e' }, { id: 13, color: '#5a5a5a' }, { id: 14, color: '#962d2d' },
]

/** Selling sites: the main one and an IDN host. */
export const SITES = [
  { id: 2101, host: 'bilety.example-hall.test' },
  { id: 2107, host: 'билеты-пример.test' },
] as const
