// The words of `jobvej timeliness`'s table in the six UI languages (Danish by default): its own
// headings here, the rule names from the web app's case-work strings (one translation of each
// rule name for the app and the command). Numbers, shares and dates go through the app's own
// formatters (src/web/lib/numbers.ts, dates.ts), so the table reads as the managers' page does.
import type { Lang } from '../domain/fip/index.ts';
import da from '../web/i18n/locales/casework/da.json';
import en from '../web/i18n/locales/casework/en.json';
import ar from '../web/i18n/locales/casework/ar.json';
import fa from '../web/i18n/locales/casework/fa.json';
import so from '../web/i18n/locales/casework/so.json';
import ti from '../web/i18n/locales/casework/ti.json';

export const TIMELINESS_LANGS = ['da', 'en', 'ar', 'fa', 'so', 'ti'] as const satisfies readonly Lang[];

interface Words {
  /** The heading; `policy` is the policy's name, or null when its content gives it none (the id is not shown). */
  title: (asOf: string, policy: string | null, from: string) => string;
  municipality: (name: string, citizens: number, allOnTime: string) => string;
  rule: string;
  ok: string;
  due: string;
  breached: string;
  overdueNow: string;
  onTime: string;
  /** What "breached" and "overdue now" mean (docs/timeliness.md), printed under the table. */
  legend: string;
}

const WORDS: Record<(typeof TIMELINESS_LANGS)[number], Words> = {
  da: {
    title: (a, p, f) => `Rettidighed pr. ${a} (${p ? `${p}, ` : 'regelsættet '}gældende fra ${f})`,
    municipality: (n, c, s) => `${n}: ${c} aktive borgere, alle frister overholdt: ${s}`,
    rule: 'Frist', ok: 'I orden', due: 'Snart', breached: 'Overskredet', overdueNow: 'Heraf nu', onTime: 'Til tiden',
    legend: '»Overskredet« tæller borgere, hvor fristen er overskredet på et tidspunkt (også en måling, der kom for sent og nu er holdt). »Heraf nu« er dem, hvor fristen er overskredet i dag — som borgerlisten viser dem.',
  },
  en: {
    title: (a, p, f) => `Timeliness as of ${a} (${p ? `${p}, ` : 'the policy '}in force from ${f})`,
    municipality: (n, c, s) => `${n}: ${c} active citizens, all deadlines met: ${s}`,
    rule: 'Deadline', ok: 'OK', due: 'Due soon', breached: 'Breached', overdueNow: 'Of which now', onTime: 'On time',
    legend: '"Breached" counts citizens for whom the deadline was missed at any time (also a round that came late and has since been held). "Of which now" are those overdue today — as the caseload shows them.',
  },
  ar: {
    title: (a, p, f) => `الالتزام بالمواعيد حتى ${a} (${p ? `${p}، ` : 'مجموعة القواعد '}سارية من ${f})`,
    municipality: (n, c, s) => `${n}: ${c} مواطنًا نشطًا، جميع المواعيد ملتزم بها: ${s}`,
    rule: 'الموعد', ok: 'سليم', due: 'قريبًا', breached: 'متجاوَز', overdueNow: 'منها الآن', onTime: 'في الموعد',
    legend: '«متجاوَز» يعدّ المواطنين الذين تجاوزوا الموعد في أي وقت (ومنه قياس تأخر ثم أُجري). «منها الآن» هم المتجاوزون اليوم — كما تعرضهم قائمة المواطنين.',
  },
  fa: {
    title: (a, p, f) => `به‌موقع بودن تا ${a} (${p ? `${p}، ` : 'مجموعهٔ قواعد '}معتبر از ${f})`,
    municipality: (n, c, s) => `${n}: ${c} شهروند فعال، همهٔ مهلت‌ها رعایت‌شده: ${s}`,
    rule: 'مهلت', ok: 'درست', due: 'به‌زودی', breached: 'گذشته', overdueNow: 'از این میان اکنون', onTime: 'به‌موقع',
    legend: '«گذشته» شهروندانی را می‌شمارد که مهلتشان در هر زمانی گذشته است (از جمله سنجشی که دیر انجام شد و اکنون انجام شده). «از این میان اکنون» کسانی‌اند که امروز از مهلت گذشته‌اند — همان‌طور که فهرست شهروندان نشان می‌دهد.',
  },
  so: {
    title: (a, p, f) => `Waqtigii la ilaaliyay ilaa ${a} (${p ? `${p}, ` : 'xeerarka '}dhaqan gal ${f})`,
    municipality: (n, c, s) => `${n}: ${c} muwaadin firfircoon, dhammaan waqtiyada la ilaaliyay: ${s}`,
    rule: 'Waqtiga', ok: 'Hagaag', due: 'Dhowaan', breached: 'La dhaafay', overdueNow: 'Kuwaas hadda', onTime: 'Waqtigii',
    legend: '"La dhaafay" waxay tirinaysaa muwaadiniinta waqtigooda la dhaafay wakhti kasta (sidoo kale cabbir soo daahay oo hadda la qabtay). "Kuwaas hadda" waa kuwa maanta waqtigoodu dhaafay — sida liiska muwaadiniintu u muujiyo.',
  },
  ti: {
    title: (a, p, f) => `ግዜ ምኽባር ክሳብ ${a} (${p ? `${p}፡ ` : 'እቲ ሕግታት '}ካብ ${f} ዝሰርሕ)`,
    municipality: (n, c, s) => `${n}: ${c} ንጡፋት ዜጋታት፡ ኩሎም ግዜታት ዝተኸበሩ፡ ${s}`,
    rule: 'ግዜ', ok: 'ጽቡቕ', due: 'ቀረባ', breached: 'ዝሓለፈ', overdueNow: 'ካብኡ ሕጂ', onTime: 'ብግዜኡ',
    legend: '«ዝሓለፈ» ኣብ ዝኾነ እዋን ግዜኦም ዝሓለፈ ዜጋታት ይቖጽር (ዘደንጎየ ድሕሪኡ ዝተገብረ መዐቀኒ እውን)። «ካብኡ ሕጂ» ሎሚ ግዜኦም ዝሓለፈ እዮም — ከምቲ ዝርዝር ዜጋታት ዘርእዮ።',
  },
};

const RULE_NAMES: Record<(typeof TIMELINESS_LANGS)[number], Record<string, string>> = {
  da: da.casework.rule, en: en.casework.rule, ar: ar.casework.rule, fa: fa.casework.rule, so: so.casework.rule, ti: ti.casework.rule,
};

export type TimelinessLang = (typeof TIMELINESS_LANGS)[number];

export function isTimelinessLang(v: string): v is TimelinessLang {
  return (TIMELINESS_LANGS as readonly string[]).includes(v);
}

export function timelinessWords(lang: TimelinessLang): Words {
  return WORDS[lang];
}

/** The rule's name in the language; a rule a policy adds without a translation keeps its id. */
export function ruleName(lang: TimelinessLang, ruleId: string): string {
  return RULE_NAMES[lang][ruleId] ?? RULE_NAMES.da[ruleId] ?? ruleId;
}
