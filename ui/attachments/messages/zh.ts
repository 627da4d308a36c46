/** The words of files in a conversation, in Chinese: spread into the widget's and the agent app's catalogues. */
import type { AttachmentMessageKey } from './en.js';

export default {
  attachFile: '添加文件',
  attachFileUpTo: '添加文件（最大 {limit}）',
  fileOpen: '打开图片 {name}（{size}）',
  fileDownload: '下载 {name}（{size}）',
  fileViewer: '图片',
  fileClose: '关闭',
  fileUnavailable: '此文件已无法获取。',
  uploading: '正在发送 {name}…',
  uploadFailed: '{name} 未发送：{reason}。',
  uploadRetry: '重新发送 {name}',
  uploadRemove: '移除 {name}',
  uploadTooLarge: '文件太大',
  uploadOverLimit: '文件超过了 {limit} 的大小上限',
  uploadTypeRefused: '不接受此类文件',
  uploadRateLimited: '一次发送的文件太多，请稍等一分钟',
  uploadNetwork: '连接失败',
} satisfies Partial<Record<AttachmentMessageKey, string>>;
