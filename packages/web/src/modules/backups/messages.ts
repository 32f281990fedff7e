// The UI strings of the backups module (zh-CN and English), merged into the one dictionary.
import type { Bilingual } from '../../app/messages.ts';

export const messages = {
  'nav.backups': { zh: '备份', en: 'Backups' },

  // backups
  'backups.title': { zh: '备份', en: 'Backups' },
  'backups.create': { zh: '立即备份', en: 'Back up now' },
  'backups.createConfirm': {
    zh: '确定立即创建一份完整备份吗？',
    en: 'Create a full backup now?',
  },
  'backups.created': { zh: '备份已创建：{name}', en: 'Backup created: {name}' },
  'backups.name': { zh: '文件名', en: 'File' },
  'backups.size': { zh: '大小', en: 'Size' },
  'backups.download': { zh: '下载', en: 'Download' },
  'backups.empty': { zh: '尚无备份', en: 'No backup yet' },
  'backups.hint': {
    zh: '备份文件包含全部数据，请下载后存放在相应密级的介质中，按涉密载体管理。',
    en: 'A backup holds all data: store it on media of the right level and manage it as a classified carrier.',
  },
  'backups.encrypted': {
    zh: '备份均以 SM4 加密，密钥指纹 {fingerprint}（{setAt} 设置）。恢复须由安全保密管理员提供备份口令；系统管理员无法解密备份。',
    en: "Backups are encrypted with SM4 for the key with fingerprint {fingerprint} (set {setAt}). Restoring needs the security-secrecy administrator's passphrase; the system administrator cannot decrypt them.",
  },
  'backups.noKey': {
    zh: '安全保密管理员尚未设置备份密钥，暂不能备份。请联系安全保密管理员在「备份密钥」页设置备份口令。',
    en: 'The security-secrecy administrator has not set the backup key yet, so no backup can be made. Ask her to set the backup passphrase (page 备份密钥).',
  },
  'backups.state': { zh: '加密', en: 'Encryption' },
  'backups.stateEncrypted': { zh: '已加密', en: 'Encrypted' },
  'backups.stateOld': { zh: '未加密（旧备份，不提供下载）', en: 'Not encrypted (old, not served)' },
  'backups.keyColumn': { zh: '密钥指纹', en: 'Key fingerprint' },

  // the security-secrecy administrator's backup key
  'nav.backupKey': { zh: '备份密钥', en: 'Backup key' },
  'backupKey.title': { zh: '备份密钥', en: 'Backup key' },
  'backupKey.hint': {
    zh: '所有备份均用此密钥加密（SM2/SM4）。备份口令由您设置并保管，系统不保存口令；系统管理员只能看到密钥指纹，不能解密备份。恢复备份时须输入口令。修改口令会生成新密钥：此前的备份仍须用当时的口令恢复，请在这些备份保存期内妥善保管旧口令。',
    en: 'Every backup is encrypted for this key (SM2/SM4). You set and keep the passphrase; Baomi does not store it. The system administrator sees only the fingerprint and cannot decrypt backups. Restoring asks for the passphrase. Changing it makes a new key: earlier backups still need the passphrase in force when they were made — keep it as long as those backups are kept.',
  },
  'backupKey.notSet': {
    zh: '尚未设置备份密钥：系统管理员目前无法创建备份。',
    en: 'No backup key yet: the system administrator cannot make backups until you set one.',
  },
  'backupKey.fingerprint': { zh: '密钥指纹（SM3）', en: 'Key fingerprint (SM3)' },
  'backupKey.setAt': { zh: '设置时间', en: 'Set at' },
  'backupKey.algorithm': { zh: '算法', en: 'Algorithm' },
  'backupKey.current': { zh: '当前备份口令', en: 'Current passphrase' },
  'backupKey.passphrase': { zh: '新备份口令', en: 'New passphrase' },
  'backupKey.confirm': { zh: '再次输入新口令', en: 'Repeat the new passphrase' },
  'backupKey.mismatch': { zh: '两次输入的口令不一致', en: 'The two passphrases differ' },
  'backupKey.rule': {
    zh: '至少 {min} 个字符，包含小写字母、大写字母、数字、其他字符中的至少三类。',
    en: 'At least {min} characters of at least three kinds (lower case, upper case, digits, other).',
  },
  'backupKey.forgotten': {
    zh: '当前口令已遗忘，替换密钥（此前的备份将无法恢复）',
    en: 'The current passphrase is forgotten: replace the key (earlier backups can no longer be restored)',
  },
  'backupKey.set': { zh: '设置备份口令', en: 'Set the passphrase' },
  'backupKey.change': { zh: '修改备份口令', en: 'Change the passphrase' },
  'backupKey.confirmSet': { zh: '确定设置备份口令吗？', en: 'Set the backup passphrase?' },
  'backupKey.confirmChange': { zh: '确定修改备份口令吗？', en: 'Change the backup passphrase?' },
  'backupKey.confirmText': {
    zh: '请牢记并妥善保管口令：口令遗失后，用该密钥加密的备份无法恢复。',
    en: 'Remember the passphrase and keep it safe: without it, backups encrypted for this key cannot be restored.',
  },
  'backupKey.confirmForgotten': {
    zh: '将生成新密钥；此前用旧密钥加密的备份将无法恢复。建议替换后立即请系统管理员创建一份新备份。',
    en: 'A new key is made; backups encrypted for the old key can no longer be restored. Ask the system administrator for a fresh backup right after.',
  },
  'backupKey.saved': { zh: '备份口令已保存', en: 'Backup passphrase saved' },
} as const satisfies Record<string, Bilingual>;
