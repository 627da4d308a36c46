/** The words of files in a conversation, in Arabic: spread into the widget's and the agent app's catalogues. */
import type { AttachmentMessageKey } from './en.js';

export default {
  attachFile: 'إرفاق ملف',
  attachFileUpTo: 'إرفاق ملف (حتى {limit})',
  fileOpen: 'فتح الصورة {name} ({size})',
  fileDownload: 'تنزيل {name} ({size})',
  fileViewer: 'صورة',
  fileClose: 'إغلاق',
  fileUnavailable: 'لم يعد هذا الملف متاحًا.',
  uploading: 'جارٍ إرسال {name}…',
  uploadFailed: 'لم يُرسل {name}: {reason}.',
  uploadRetry: 'إعادة إرسال {name}',
  uploadRemove: 'إزالة {name}',
  uploadTooLarge: 'الملف كبير جدًا',
  uploadOverLimit: 'حجمه يتجاوز الحد المسموح به وهو {limit}',
  uploadTypeRefused: 'هذا النوع من الملفات غير مقبول',
  uploadRateLimited: 'ملفات كثيرة دفعة واحدة، انتظر دقيقة',
  uploadNetwork: 'فشل الاتصال',
} satisfies Partial<Record<AttachmentMessageKey, string>>;
