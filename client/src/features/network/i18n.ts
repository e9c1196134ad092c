import { type FeatureTranslate, featureDictionary, useFeatureT } from '@client/lib/feature-i18n';
import type { MessageKey } from '@client/lib/i18n';

/**
 * The words of the duty network board:
 * loaded with their code, not in the console's first load (issue 18). The shell's and the shared
 * components' words stay in client/src/lib/i18n-zh.ts / i18n-en.ts.
 * Chinese is the reference: `en` has every key of `zh`.
 */
const zh = {
  'network.title': '值守网络 · 镇街岗位',
  'network.kind.township': '镇',
  'network.kind.dev_zone': '开发区',
  'network.kind.street': '街道',
  'network.kind.community': '社区',
  'network.kind.village': '村',
  'network.checkUnit': '查岗',
  'network.checkIssued': '已发起查岗，等待该单位回复',
  'network.onDuty': '今日值班：{name}',
  'network.checkedIn': '{time} 已到岗',
  'network.notCheckedIn': '未到岗',
  'network.checkIn': '到岗签到',
  'network.checkedInOk': '已签到',
  'network.nobody': '今日未排值班（漏岗）',
  'network.lastCheck': '最近查岗：',
  'network.answeredAt': '{time} 回复',
  'network.issuedAt': '{time} 发起',
  'network.never': '暂无',
  'network.informantA': 'A角：{name}',
  'network.informantB': 'B角：{name}',
  'network.informantGap': 'A/B角不全',
  'network.reports': '下级报送',
  'network.hopLate': '逐级上报超时',
  'network.waitsOn': '待{unit}接收（{time} 前）',
  'network.taken': '已接收',
  'network.take': '接收/核实',
  'network.takenOk': '已接收核实',
  'network.sumAnswered': '已应答 {count}',
  'network.sumMissed': '未应答 {count}',
  'network.rollCall': '全区查岗',
  'network.rollCallIssued': '已向全部镇街发起查岗',
  'network.noUnits': '尚无下级单位',
  'network.takePost': '我今日值班',
  'network.takePostTitle': '{unit} 今日值班',
  'network.phone': '联系电话',
  'network.phoneRule': '请填写联系电话（数字）',
};

const en: Record<keyof typeof zh, string> = {
  'network.title': 'Duty network · unit posts',
  'network.kind.township': 'Township',
  'network.kind.dev_zone': 'Development zone',
  'network.kind.street': 'Street',
  'network.kind.community': 'Community',
  'network.kind.village': 'Village',
  'network.checkUnit': 'Spot-check',
  'network.checkIssued': 'Spot-check sent; waiting for the unit to reply',
  'network.onDuty': 'On duty today: {name}',
  'network.checkedIn': 'Checked in at {time}',
  'network.notCheckedIn': 'Not checked in',
  'network.checkIn': 'Check in',
  'network.checkedInOk': 'Checked in',
  'network.nobody': 'Nobody on duty today',
  'network.lastCheck': 'Last spot-check:',
  'network.answeredAt': 'replied {time}',
  'network.issuedAt': 'sent {time}',
  'network.never': 'none yet',
  'network.informantA': 'A: {name}',
  'network.informantB': 'B: {name}',
  'network.informantGap': 'A/B informant missing',
  'network.reports': 'Reports from units below',
  'network.hopLate': 'Hop late',
  'network.waitsOn': 'Waits on {unit} (by {time})',
  'network.taken': 'Taken',
  'network.take': 'Take / verify',
  'network.takenOk': 'Taken and verified',
  'network.sumAnswered': '{count} answered',
  'network.sumMissed': '{count} missed',
  'network.rollCall': 'Spot-check all townships',
  'network.rollCallIssued': 'Spot-check sent to every township',
  'network.noUnits': 'No units below',
  'network.takePost': 'I am on duty today',
  'network.takePostTitle': '{unit}: on duty today',
  'network.phone': 'Phone',
  'network.phoneRule': 'Enter a phone number (digits)',
};

const words = featureDictionary({ zh, en });
export type WordKey = keyof typeof zh;
/** A word of this feature or of the console's main dictionary. */
export type AnyKey = WordKey | MessageKey;
export type Words = FeatureTranslate<WordKey>;
export const useWords = () => useFeatureT(words);
