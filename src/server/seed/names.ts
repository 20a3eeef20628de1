import type { Rng } from './random';
import type { IndustryCode } from '../../domain/enterprise/industries';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力宁志国鹏斌婷雪琳晨浩宇欣怡佳俊博凯瑞思涵子轩梓萱海燕春梅秋菊冬雨雯倩峰岩松柏晓东鑫';
const BRAND = '华盛鑫达恒远泰康宏图金鼎瑞丰嘉禾永信汇通新元博创立德中联天成佳美利源宝丰润泽安顺兴旺锦程亿通振华富邦东方海纳盈科云帆星辰卓越润华宏达德信启航精诚';
const PLACE = ['云溪', '青湖', '南岭', '新桥', '东塘', '西溪', '石门', '梅林', '白沙', ''];

const INDUSTRY_WORDS: Record<string, string[]> = {
  A: ['农业科技', '生态农业', '水产养殖'],
  B: ['矿业'],
  C: ['精密机械', '电子科技', '五金制品', '塑胶制品', '服装', '家具', '食品', '纺织', '模具', '电器', '包装材料', '光电', '汽车配件', '陶瓷'],
  D: ['能源', '燃气', '供水'],
  E: ['建筑工程', '建设', '装饰工程', '市政工程'],
  F: ['商贸', '贸易', '超市', '医药连锁'],
  G: ['物流', '运输', '供应链', '快递'],
  H: ['餐饮管理', '酒店', '饮食'],
  I: ['软件', '信息技术', '网络科技', '数据服务'],
  J: ['融资担保', '小额贷款'],
  K: ['物业管理', '房地产开发'],
  L: ['人力资源', '企业管理咨询', '劳务派遣', '保安服务'],
  M: ['检测技术', '工程设计', '生物科技'],
  N: ['环境工程', '园林绿化'],
  O: ['家政服务', '汽车维修', '洗涤服务'],
  P: ['职业培训学校', '教育科技'],
  Q: ['医院', '养老服务', '康复中心'],
  R: ['文化传媒', '体育发展'],
  S: ['社会工作服务中心'],
  T: ['国际交流服务'],
};

export function personName(rng: Rng): string {
  return rng.pick(SURNAMES.split('')) + rng.pick(GIVEN.split('')) + (rng.chance(0.6) ? rng.pick(GIVEN.split('')) : '');
}

export function enterpriseName(rng: Rng, industry: IndustryCode): string {
  const brand = rng.pick(BRAND.match(/../g)!);
  const word = rng.pick(INDUSTRY_WORDS[industry] ?? ['实业']);
  const suffix = industry === 'Q' || industry === 'P' || industry === 'S' ? '' : rng.chance(0.15) ? '股份有限公司' : '有限公司';
  return `${rng.pick(PLACE)}${brand}${word}${suffix}`;
}
