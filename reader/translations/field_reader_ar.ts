<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Field Reader</source>
        <translation>حول Field Reader</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>التقرير</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>الناشر</translation>
    </message>
    <message>
        <source>Edition date</source>
        <translation>تاريخ الإصدار</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>الترخيص</translation>
    </message>
    <message>
        <source>Portable</source>
        <translation>نسخة محمولة</translation>
    </message>
    <message>
        <source>yes: notes, preferences and caches are kept in data/ beside the program</source>
        <translation>نعم: تُحفظ الملاحظات والتفضيلات والملفات المؤقتة في المجلد data/ بجوار البرنامج</translation>
    </message>
    <message>
        <source>no</source>
        <translation>لا</translation>
    </message>
    <message>
        <source>An offline reader: it never connects to the network.</source>
        <translation>قارئ يعمل دون اتصال: لا يتصل بالشبكة أبدًا.</translation>
    </message>
    <message>
        <source>Content checksum (SHA-256)</source>
        <translation>المجموع الاختباري للمحتوى (SHA-256)</translation>
    </message>
    <message>
        <source>Corrections to the source text</source>
        <translation>تصحيحات على النص الأصلي</translation>
    </message>
    <message>
        <source>Third-party licences: the THIRD-PARTY-NOTICES file and the LICENSES folder beside the program.</source>
        <translation>تراخيص المكوّنات الخارجية: الملف THIRD-PARTY-NOTICES والمجلد LICENSES بجانب البرنامج.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
</context>
<context>
    <name>BookmarkMarks</name>
    <message>
        <source>Bookmarks in the margin</source>
        <translation>الإشارات المرجعية في الهامش</translation>
    </message>
</context>
<context>
    <name>Bookmarks</name>
    <message>
        <source>Unlock the notes to keep bookmarks.</source>
        <translation>افتح قفل الملاحظات لتتمكن من حفظ الإشارات المرجعية.</translation>
    </message>
    <message>
        <source>Scroll to a paragraph to bookmark it.</source>
        <translation>مرِّر إلى فقرة لتضع عليها إشارة مرجعية.</translation>
    </message>
    <message>
        <source>Bookmark removed. {0} brings it back.</source>
        <translation>أُزيلت الإشارة المرجعية. يعيدها {0}.</translation>
    </message>
    <message>
        <source>Bookmarked {0}. {1} undoes it.</source>
        <translation>وُضعت إشارة مرجعية على {0}. يتراجع عنها {1}.</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <source>Report text</source>
        <translation>نص التقرير</translation>
    </message>
    <message>
        <source>The report. Headings, lists and glossary terms can be walked.</source>
        <translation>التقرير. يمكن التنقل بين عناوينه وقوائمه ومصطلحات المسرد.</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>Erase notes and history</source>
        <translation>محو الملاحظات والسجل</translation>
    </message>
    <message>
        <source>Erase My Notes and History</source>
        <translation>محو ملاحظاتي وسجلي</translation>
    </message>
    <message>
        <source>Erase everything you wrote in Field Reader on this computer?</source>
        <translation>هل تريد محو كل ما كتبته في Field Reader على هذا الحاسوب؟</translation>
    </message>
    <message>
        <source>This removes:
{0}

The report stays. Erased notes cannot be brought back.</source>
        <translation>سيُحذف ما يلي:
{0}

يبقى التقرير كما هو. لا يمكن استعادة الملاحظات بعد محوها.</translation>
    </message>
    <message>
        <source>&amp;Erase Everything</source>
        <translation>ا&amp;محُ كل شيء</translation>
    </message>
    <message>
        <source>Erase everything</source>
        <translation>محو كل شيء</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>ErrorBox</name>
    <message>
        <source>Field Reader</source>
        <translation>Field Reader</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>رسالة خطأ</translation>
    </message>
    <message>
        <source>Field Reader hit an unexpected problem; your notes are safe.</source>
        <translation>واجه Field Reader مشكلة غير متوقعة؛ ملاحظاتك في أمان.</translation>
    </message>
    <message>
        <source>Field Reader hit an unexpected problem; your notes are safe. Details were saved to {0}.</source>
        <translation>واجه Field Reader مشكلة غير متوقعة؛ ملاحظاتك في أمان. حُفظت التفاصيل في {0}.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in section</source>
        <translation>البحث في القسم</translation>
    </message>
    <message>
        <source>Find in Section</source>
        <translation>البحث في القسم</translation>
    </message>
    <message>
        <source>Find in this section</source>
        <translation>ابحث في هذا القسم</translation>
    </message>
    <message>
        <source>Find status</source>
        <translation>حالة البحث</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} من {1}</translation>
    </message>
    <message>
        <source>Not found in this section</source>
        <translation>غير موجود في هذا القسم</translation>
    </message>
</context>
<context>
    <name>GlossaryFeature</name>
    <message>
        <source>{0}: open in glossary · Esc: close</source>
        <translation>{0}: افتح في المسرد · Esc: إغلاق</translation>
    </message>
    <message>
        <source>Copied “{0}” with its citation.</source>
        <translation>نُسخ «{0}» مع توثيقه.</translation>
    </message>
    <message>
        <source>There is no glossary term at the cursor.</source>
        <translation>لا يوجد مصطلح من المسرد عند المؤشر.</translation>
    </message>
</context>
<context>
    <name>GlossaryPanel</name>
    <message>
        <source>Glossary</source>
        <translation>المسرد</translation>
    </message>
    <message>
        <source>Filter the glossary</source>
        <translation>تصفية المسرد</translation>
    </message>
    <message>
        <source>Filter terms</source>
        <translation>تصفية المصطلحات</translation>
    </message>
    <message>
        <source>Glossary terms</source>
        <translation>مصطلحات المسرد</translation>
    </message>
    <message>
        <source>Glossary entry</source>
        <translation>مدخل المسرد</translation>
    </message>
    <message>
        <source>Copy Entry with &amp;Citation</source>
        <translation>نسخ المدخل مع ال&amp;توثيق</translation>
    </message>
    <message>
        <source>Copy with citation</source>
        <translation>نسخ مع التوثيق</translation>
    </message>
    <message>
        <source>Copy the glossary entry with its citation</source>
        <translation>انسخ مدخل المسرد مع توثيقه</translation>
    </message>
    <message>
        <source>Copy the definition with its sources and the glossary&apos;s date</source>
        <translation>انسخ التعريف مع مصادره وتاريخ المسرد</translation>
    </message>
    <message>
        <source>No term matches the filter.</source>
        <translation>لا يطابق أي مصطلح عبارة التصفية.</translation>
    </message>
    <message>
        <source>Glossary terms and the chosen entry</source>
        <translation>مصطلحات المسرد والمدخل المختار</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>المصادر</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>{0} (facts as of {1})</source>
        <translation>{0} (المعلومات محدَّثة حتى {1})</translation>
    </message>
    <message>
        <source>Also:</source>
        <translation>أسماء بديلة:</translation>
    </message>
    <message>
        <source>Related:</source>
        <translation>مداخل ذات صلة:</translation>
    </message>
    <message>
        <source>In the report:</source>
        <translation>في التقرير:</translation>
    </message>
    <message>
        <source>Search the report for this term</source>
        <translation>ابحث عن هذا المصطلح في التقرير</translation>
    </message>
    <message>
        <source>Background: the report relies on this idea without naming it.</source>
        <translation>خلفية: يعتمد التقرير على هذه الفكرة دون أن يسمّيها.</translation>
    </message>
    <message>
        <source>Glossary entry menu</source>
        <translation>قائمة مدخل المسرد</translation>
    </message>
</context>
<context>
    <name>GlossaryPopup</name>
    <message>
        <source>Glossary</source>
        <translation>المسرد</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>التعريف</translation>
    </message>
    <message>
        <source>Scroll the definition</source>
        <translation>مرِّر التعريف</translation>
    </message>
    <message>
        <source>Glossary links</source>
        <translation>روابط المسرد</translation>
    </message>
    <message>
        <source>Copy the entry with its citation</source>
        <translation>انسخ المدخل مع توثيقه</translation>
    </message>
    <message>
        <source>Glossary entry</source>
        <translation>مدخل المسرد</translation>
    </message>
    <message>
        <source>Scroll the glossary entry</source>
        <translation>مرِّر مدخل المسرد</translation>
    </message>
    <message>
        <source>Source: {0}</source>
        <translation>المصدر: {0}</translation>
    </message>
    <message>
        <source> (+{0} more in the glossary)</source>
        <translation> (و{0} أخرى في المسرد)</translation>
    </message>
    <message>
        <source>Tab: choose a link · Enter: follow it</source>
        <translation>Tab: اختيار رابط · Enter: فتحه</translation>
    </message>
    <message>
        <source>Glossary: {0}</source>
        <translation>المسرد: {0}</translation>
    </message>
    <message>
        <source>Open in glossary</source>
        <translation>افتح في المسرد</translation>
    </message>
    <message>
        <source>Search the report</source>
        <translation>ابحث في التقرير</translation>
    </message>
    <message>
        <source>Copy with citation</source>
        <translation>نسخ مع التوثيق</translation>
    </message>
    <message>
        <source>Chosen: {0}</source>
        <translation>المختار: {0}</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Field Reader Help</source>
        <translation>تعليمات Field Reader</translation>
    </message>
    <message>
        <source>Help pages</source>
        <translation>صفحات التعليمات</translation>
    </message>
    <message>
        <source>Help page</source>
        <translation>صفحة التعليمات</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Yellow</source>
        <translation>أصفر</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>أخضر</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>أزرق</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>وردي</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>بنفسجي</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>برتقالي</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>تظليل</translation>
    </message>
    <message>
        <source>Underline</source>
        <translation>تسطير</translation>
    </message>
    <message>
        <source>Strike-through</source>
        <translation>شطب</translation>
    </message>
    <message>
        <source>Markdown handout (.md)</source>
        <translation>نشرة بصيغة Markdown ‏(‎.md‏)</translation>
    </message>
    <message>
        <source>HTML handout (.html)</source>
        <translation>نشرة بصيغة HTML ‏(‎.html‏)</translation>
    </message>
    <message>
        <source>PDF handout (.pdf)</source>
        <translation>نشرة بصيغة PDF ‏(‎.pdf‏)</translation>
    </message>
    <message>
        <source>Notes file for another reader (W3C Web Annotation .json)</source>
        <translation>ملف ملاحظات لقارئ آخر ‏(W3C Web Annotation ‎.json‏)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>خط النظام</translation>
    </message>
    <message>
        <source>Serif (DejaVu Serif)</source>
        <translation>خط مذيَّل (DejaVu Serif)</translation>
    </message>
    <message>
        <source>Sans serif (DejaVu Sans)</source>
        <translation>خط غير مذيَّل (DejaVu Sans)</translation>
    </message>
</context>
<context>
    <name>LockFeature</name>
    <message>
        <source>The passphrase could not be checked; the notes stay locked.</source>
        <translation>تعذّر التحقق من عبارة المرور؛ تبقى الملاحظات مقفلة.</translation>
    </message>
    <message>
        <source>The privacy lock is on. Ctrl+L locks your notes now.</source>
        <translation>قفل الخصوصية مفعَّل. يقفل Ctrl+L ملاحظاتك فورًا.</translation>
    </message>
    <message>
        <source>The privacy lock is off; your notes are kept.</source>
        <translation>أُوقف قفل الخصوصية؛ ملاحظاتك محفوظة.</translation>
    </message>
    <message>
        <source>The lock is being switched already.</source>
        <translation>يجري تبديل القفل بالفعل.</translation>
    </message>
    <message>
        <source>The lock could not be switched.</source>
        <translation>تعذّر تبديل القفل.</translation>
    </message>
    <message>
        <source>The change could not be made.</source>
        <translation>تعذّر إجراء التغيير.</translation>
    </message>
    <message>
        <source>The lock is being switched; nothing was erased. Try again in a moment.</source>
        <translation>يجري تبديل القفل؛ لم يُمحَ شيء. حاول مجددًا بعد لحظة.</translation>
    </message>
    <message>
        <source>Your notes and history were erased. The report stays.</source>
        <translation>مُحيت ملاحظاتك وسجلك. بقي التقرير كما هو.</translation>
    </message>
    <message>
        <source>Notes Locked</source>
        <translation>الملاحظات مقفلة</translation>
    </message>
    <message>
        <source>Notes are locked; unlock them</source>
        <translation>الملاحظات مقفلة؛ افتح قفلها</translation>
    </message>
    <message>
        <source>Your notes are locked. Click to unlock them (Ctrl+L).</source>
        <translation>ملاحظاتك مقفلة. انقر لفتح قفلها (Ctrl+L).</translation>
    </message>
    <message>
        <source>Lock Notes</source>
        <translation>قفل الملاحظات</translation>
    </message>
    <message>
        <source>Notes are open; lock them now</source>
        <translation>الملاحظات مفتوحة؛ اقفلها الآن</translation>
    </message>
    <message>
        <source>Lock your notes now (Ctrl+L).</source>
        <translation>اقفل ملاحظاتك الآن (Ctrl+L).</translation>
    </message>
    <message>
        <source>Notes are locked</source>
        <translation>الملاحظات مقفلة</translation>
    </message>
    <message>
        <source>Unlock them with your passphrase to read, search or add notes.</source>
        <translation>افتح قفلها بعبارة المرور لتقرأ الملاحظات أو تبحث فيها أو تضيف إليها.</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>&amp;فتح القفل…</translation>
    </message>
    <message>
        <source>Unlock notes</source>
        <translation>فتح قفل الملاحظات</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>ت&amp;حرير</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;انتقال</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>م&amp;لاحظات</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;تعليمات</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>ال&amp;سمة</translation>
    </message>
    <message>
        <source>Displa&amp;y Language</source>
        <translation>&amp;لغة الواجهة</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;طباعة…</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>&amp;معاينة الطباعة…</translation>
    </message>
    <message>
        <source>&amp;Export as PDF…</source>
        <translation>تصدير &amp;بصيغة PDF…</translation>
    </message>
    <message>
        <source>Export &amp;Notes…</source>
        <translation>&amp;تصدير الملاحظات…</translation>
    </message>
    <message>
        <source>&amp;Import Notes…</source>
        <translation>&amp;استيراد ملاحظات…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <source>Copy with &amp;Citation</source>
        <translation>&amp;نسخ مع التوثيق</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>ب&amp;حث…</translation>
    </message>
    <message>
        <source>&amp;Find in Section…</source>
        <translation>ال&amp;بحث في القسم…</translation>
    </message>
    <message>
        <source>Next &amp;Match</source>
        <translation>ال&amp;مطابقة التالية</translation>
    </message>
    <message>
        <source>Pre&amp;vious Match</source>
        <translation>المطابقة ال&amp;سابقة</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>ت&amp;كبير</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>تص&amp;غير</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>الحجم ال&amp;فعلي</translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation>&amp;حسب النظام</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;فاتحة</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;داكنة</translation>
    </message>
    <message>
        <source>S&amp;epia</source>
        <translation>&amp;بنية دافئة</translation>
    </message>
    <message>
        <source>&amp;High Contrast</source>
        <translation>&amp;تباين عالٍ</translation>
    </message>
    <message>
        <source>&amp;Reference Mode (¶ Numbers)</source>
        <translation>و&amp;ضع الإحالة (أرقام ¶)</translation>
    </message>
    <message>
        <source>Reading &amp;Settings…</source>
        <translation>إ&amp;عدادات القراءة…</translation>
    </message>
    <message>
        <source>Fu&amp;ll Screen</source>
        <translation>مل&amp;ء الشاشة</translation>
    </message>
    <message>
        <source>Presentation &amp;Mode</source>
        <translation>&amp;وضع العرض التقديمي</translation>
    </message>
    <message>
        <source>Go to &amp;Contents</source>
        <translation>ال&amp;انتقال إلى المحتويات</translation>
    </message>
    <message>
        <source>Go to &amp;Document</source>
        <translation>الانتقال إلى ال&amp;نص</translation>
    </message>
    <message>
        <source>Go to &amp;Glossary</source>
        <translation>الانتقال إلى ال&amp;مسرد</translation>
    </message>
    <message>
        <source>&amp;Explain Term at Cursor</source>
        <translation>&amp;شرح المصطلح عند المؤشر</translation>
    </message>
    <message>
        <source>Read Alo&amp;ud</source>
        <translation>القراءة &amp;بصوت عالٍ</translation>
    </message>
    <message>
        <source>Sto&amp;p Reading</source>
        <translation>إ&amp;يقاف القراءة</translation>
    </message>
    <message>
        <source>Previous Se&amp;ntence</source>
        <translation>ال&amp;جملة السابقة</translation>
    </message>
    <message>
        <source>Ne&amp;xt Sentence</source>
        <translation>الجملة ال&amp;تالية</translation>
    </message>
    <message>
        <source>Read Slo&amp;wer</source>
        <translation>ق&amp;راءة أبطأ</translation>
    </message>
    <message>
        <source>Read &amp;Faster</source>
        <translation>&amp;قراءة أسرع</translation>
    </message>
    <message>
        <source>Read On to t&amp;he End of the Report</source>
        <translation>متابعة القراءة &amp;حتى نهاية التقرير</translation>
    </message>
    <message>
        <source>Say A&amp;bbreviations in Full</source>
        <translation>ن&amp;طق الاختصارات كاملة</translation>
    </message>
    <message>
        <source>Read Aloud &amp;Voice and Speed…</source>
        <translation>&amp;صوت القراءة وسرعتها…</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>&amp;حسب النظام</translation>
    </message>
    <message>
        <source>&amp;English</source>
        <translation>&amp;English</translation>
    </message>
    <message>
        <source>العربية</source>
        <translation>&amp;العربية</translation>
    </message>
    <message>
        <source>&amp;Previous Section</source>
        <translation>القسم ال&amp;سابق</translation>
    </message>
    <message>
        <source>&amp;Next Section</source>
        <translation>ال&amp;قسم التالي</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;رجوع</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;تقدُّم</translation>
    </message>
    <message>
        <source>&amp;Highlight Selection</source>
        <translation>ت&amp;ظليل التحديد</translation>
    </message>
    <message>
        <source>Add &amp;Note to Selection</source>
        <translation>إضافة &amp;ملاحظة إلى التحديد</translation>
    </message>
    <message>
        <source>Go to Notes &amp;Panel</source>
        <translation>ال&amp;انتقال إلى لوحة الملاحظات</translation>
    </message>
    <message>
        <source>Toggle Book&amp;mark</source>
        <translation>&amp;وضع إشارة مرجعية أو إزالتها</translation>
    </message>
    <message>
        <source>&amp;Yellow</source>
        <translation>أ&amp;صفر</translation>
    </message>
    <message>
        <source>&amp;Green</source>
        <translation>أخ&amp;ضر</translation>
    </message>
    <message>
        <source>&amp;Blue</source>
        <translation>أ&amp;زرق</translation>
    </message>
    <message>
        <source>Pin&amp;k</source>
        <translation>ور&amp;دي</translation>
    </message>
    <message>
        <source>P&amp;urple</source>
        <translation>&amp;بنفسجي</translation>
    </message>
    <message>
        <source>&amp;Orange</source>
        <translation>ب&amp;رتقالي</translation>
    </message>
    <message>
        <source>Style: H&amp;ighlight</source>
        <translation>ال&amp;نمط: تظليل</translation>
    </message>
    <message>
        <source>Style: Un&amp;derline</source>
        <translation>النمط: &amp;تسطير</translation>
    </message>
    <message>
        <source>Style: &amp;Strike-through</source>
        <translation>النمط: &amp;شطب</translation>
    </message>
    <message>
        <source>&amp;Lock Notes Now</source>
        <translation>&amp;قفل الملاحظات الآن</translation>
    </message>
    <message>
        <source>Unlock No&amp;tes…</source>
        <translation>&amp;فتح قفل الملاحظات…</translation>
    </message>
    <message>
        <source>P&amp;rivacy Lock…</source>
        <translation>قفل ال&amp;خصوصية…</translation>
    </message>
    <message>
        <source>&amp;Erase My Notes and History…</source>
        <translation>م&amp;حو ملاحظاتي وسجلي…</translation>
    </message>
    <message>
        <source>&amp;Help Contents</source>
        <translation>&amp;محتويات التعليمات</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation>&amp;اختصارات لوحة المفاتيح…</translation>
    </message>
    <message>
        <source>&amp;Read Aloud Help…</source>
        <translation>&amp;تعليمات القراءة بصوت عالٍ…</translation>
    </message>
    <message>
        <source>&amp;About Field Reader</source>
        <translation>&amp;حول Field Reader</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>التعليقات</translation>
    </message>
    <message>
        <source>Annotation toolbar</source>
        <translation>شريط أدوات التعليقات</translation>
    </message>
    <message>
        <source>New highlights in {0}</source>
        <translation>التظليلات الجديدة باللون: {0}</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>المحتويات</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>المسرد</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>الملاحظات</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>البحث</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>شريط القوائم</translation>
    </message>
    <message>
        <source>Read aloud: play or pause</source>
        <translation>القراءة بصوت عالٍ: تشغيل أو إيقاف مؤقت</translation>
    </message>
    <message>
        <source>Status line</source>
        <translation>شريط الحالة</translation>
    </message>
    <message>
        <source>Resize the window</source>
        <translation>تغيير حجم النافذة</translation>
    </message>
    <message>
        <source>Current section</source>
        <translation>القسم الحالي</translation>
    </message>
    <message>
        <source>Panel tabs</source>
        <translation>علامات تبويب اللوحات</translation>
    </message>
    <message>
        <source>Separator</source>
        <translation>فاصل</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>جارٍ التحميل…</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>جارٍ التحميل</translation>
    </message>
    <message>
        <source>The new language is used the next time Field Reader starts.</source>
        <translation>ستُستخدم اللغة الجديدة عند تشغيل Field Reader في المرة القادمة.</translation>
    </message>
    <message>
        <source>Field Reader</source>
        <translation>Field Reader</translation>
    </message>
    <message>
        <source>Place the cursor in a paragraph to copy it with a citation.</source>
        <translation>ضع المؤشر في فقرة لتنسخها مع توثيقها.</translation>
    </message>
    <message>
        <source>Copied with citation.</source>
        <translation>نُسخ مع التوثيق.</translation>
    </message>
    <message>
        <source>Saved {0}.</source>
        <translation>حُفظ {0}.</translation>
    </message>
    <message>
        <source>Import Notes</source>
        <translation>استيراد ملاحظات</translation>
    </message>
    <message>
        <source>{0} holds {1} notes. Name of the layer for them:</source>
        <translation>يحتوي {0} على {1} من الملاحظات. اسم الطبقة التي ستضمها:</translation>
    </message>
    <message>
        <source>{0} is sealed. Its passphrase:</source>
        <translation>الملف {0} مختوم. عبارة المرور الخاصة به:</translation>
    </message>
    <message>
        <source>&amp;Show Preview</source>
        <translation>&amp;عرض المعاينة</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;حفظ بصيغة PDF…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>حفظ بصيغة PDF</translation>
    </message>
    <message>
        <source>Cannot save {0}: the PDF came out empty. Nothing was saved.</source>
        <translation>تعذّر حفظ {0}: خرج ملف PDF فارغًا. لم يُحفظ شيء.</translation>
    </message>
    <message>
        <source>Cannot save {0}: {1}. Choose another folder.</source>
        <translation>تعذّر حفظ {0}: {1}. اختر مجلدًا آخر.</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>طباعة</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>معاينة الطباعة</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation>معاينة الطباعة</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Note editor</source>
        <translation>محرر الملاحظة</translation>
    </message>
    <message>
        <source>Where the note is</source>
        <translation>موضع الملاحظة</translation>
    </message>
    <message>
        <source>Highlighted passage</source>
        <translation>المقطع المظلَّل</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>Write a note (optional)…</source>
        <translation>اكتب ملاحظة (اختياري)…</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>الوسوم، مفصولة بفواصل</translation>
    </message>
    <message>
        <source>Highlight style</source>
        <translation>نمط التظليل</translation>
    </message>
    <message>
        <source>Save state</source>
        <translation>حالة الحفظ</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Delete this note</source>
        <translation>احذف هذه الملاحظة</translation>
    </message>
    <message>
        <source>Choose a note to read or edit it.</source>
        <translation>اختر ملاحظة لقراءتها أو تحريرها.</translation>
    </message>
    <message>
        <source>From the “{0}” layer (read-only).</source>
        <translation>من طبقة «{0}» (للقراءة فقط).</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>حُفظت.</translation>
    </message>
    <message>
        <source>Another program deleted this note; it was put back with what you typed.</source>
        <translation>حذف برنامج آخر هذه الملاحظة؛ فأُعيدت مع ما كتبته.</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>جارٍ التحرير…</translation>
    </message>
</context>
<context>
    <name>NoteHighlighter</name>
    <message>
        <source>Select some text in the report first, then highlight it.</source>
        <translation>حدِّد نصًّا في التقرير أولًا، ثم ظلِّله.</translation>
    </message>
    <message>
        <source>Only the report&apos;s paragraphs can be highlighted; select text in a paragraph.</source>
        <translation>لا يمكن تظليل إلا فقرات التقرير؛ حدِّد نصًّا داخل فقرة.</translation>
    </message>
</context>
<context>
    <name>NotesExportDialog</name>
    <message>
        <source>Export notes</source>
        <translation>تصدير الملاحظات</translation>
    </message>
    <message>
        <source>Export Notes</source>
        <translation>تصدير الملاحظات</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <source>All notes ({0})</source>
        <translation>كل الملاحظات ({0})</translation>
    </message>
    <message>
        <source>Notes listed in the notes panel ({0})</source>
        <translation>الملاحظات المعروضة في لوحة الملاحظات ({0})</translation>
    </message>
    <message>
        <source>Safe export: leave out author names and dates</source>
        <translation>تصدير آمن: دون أسماء الكاتبين والتواريخ</translation>
    </message>
    <message>
        <source>Seal the file with a passphrase (only a reader given it can open the file)</source>
        <translation>اختم الملف بعبارة مرور (لا يفتحه إلا من يُعطاها)</translation>
    </message>
    <message>
        <source>Passphrase for the file</source>
        <translation>عبارة مرور الملف</translation>
    </message>
    <message>
        <source>Passphrase for the file again</source>
        <translation>عبارة مرور الملف مرة أخرى</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>الحفظ باسم</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>الصيغة:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>الملاحظات:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>عبارة المرور:</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>مرة أخرى:</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>الحفظ باسم:</translation>
    </message>
    <message>
        <source>Choose a file to save the notes in.</source>
        <translation>اختر ملفًا لحفظ الملاحظات فيه.</translation>
    </message>
    <message>
        <source>The two passphrases differ; nothing was written.</source>
        <translation>عبارتا المرور مختلفتان؛ لم يُكتب شيء.</translation>
    </message>
</context>
<context>
    <name>NotesFeature</name>
    <message>
        <source>Your notes were changed by another program; they are shown as saved now.</source>
        <translation>غيّر برنامج آخر ملاحظاتك؛ وهي معروضة الآن كما حُفظت.</translation>
    </message>
    <message>
        <source>Highlighted. {0} undoes it.</source>
        <translation>ظُلِّل النص. يتراجع عنه {0}.</translation>
    </message>
    <message>
        <source>&amp;Edit Note…</source>
        <translation>&amp;تحرير الملاحظة…</translation>
    </message>
    <message>
        <source>&amp;Delete Highlight</source>
        <translation>&amp;حذف التظليل</translation>
    </message>
    <message>
        <source>Colour and &amp;Style</source>
        <translation>&amp;اللون والنمط</translation>
    </message>
    <message>
        <source>&amp;Undo {0}</source>
        <translation>&amp;تراجع عن {0}</translation>
    </message>
    <message>
        <source>&amp;Redo {0}</source>
        <translation>إ&amp;عادة {0}</translation>
    </message>
    <message>
        <source>This note&apos;s passage is not in this edition of the report.</source>
        <translation>مقطع هذه الملاحظة غير موجود في هذا الإصدار من التقرير.</translation>
    </message>
    <message>
        <source>Note deleted. {0} brings it back.</source>
        <translation>حُذفت الملاحظة. يعيدها {0}.</translation>
    </message>
    <message>
        <source>Saved {0}.</source>
        <translation>حُفظ {0}.</translation>
    </message>
</context>
<context>
    <name>NotesModel</name>
    <message>
        <source>Passage not found in this edition</source>
        <translation>المقطع غير موجود في هذا الإصدار</translation>
    </message>
    <message>
        <source>Bookmark · {0}</source>
        <translation>إشارة مرجعية · {0}</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Notes</source>
        <translation>الملاحظات</translation>
    </message>
    <message>
        <source>Filter notes</source>
        <translation>تصفية الملاحظات</translation>
    </message>
    <message>
        <source>Show or hide the order and the tag, colour, layer and kind filters</source>
        <translation>إظهار الترتيب وعوامل التصفية بالوسم واللون والطبقة والنوع أو إخفاؤها</translation>
    </message>
    <message>
        <source>Order and filters</source>
        <translation>الترتيب والتصفية</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>الترتيب</translation>
    </message>
    <message>
        <source>Reading order</source>
        <translation>ترتيب القراءة</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>الأحدث أولًا</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <source>Any colour</source>
        <translation>أي لون</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>الطبقة</translation>
    </message>
    <message>
        <source>Show notes, bookmarks or both</source>
        <translation>اعرض الملاحظات أو الإشارات المرجعية أو كليهما</translation>
    </message>
    <message>
        <source>Notes and bookmarks</source>
        <translation>الملاحظات والإشارات المرجعية</translation>
    </message>
    <message>
        <source>Highlights and notes</source>
        <translation>التظليلات والملاحظات</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>الإشارات المرجعية</translation>
    </message>
    <message>
        <source>Why no notes are listed</source>
        <translation>لماذا لا تظهر أي ملاحظات</translation>
    </message>
    <message>
        <source>Imported layers (tick to show)</source>
        <translation>الطبقات المستوردة (حدِّدها لعرضها)</translation>
    </message>
    <message>
        <source>Remove Layer</source>
        <translation>إزالة الطبقة</translation>
    </message>
    <message>
        <source>Remove the chosen layer and its notes</source>
        <translation>أزل الطبقة المختارة وملاحظاتها</translation>
    </message>
    <message>
        <source>Allow Editing</source>
        <translation>السماح بالتحرير</translation>
    </message>
    <message>
        <source>Show or hide the imported layers and their buttons</source>
        <translation>إظهار الطبقات المستوردة وأزرارها أو إخفاؤها</translation>
    </message>
    <message>
        <source>Allow editing the chosen layer&apos;s notes</source>
        <translation>اسمح بتحرير ملاحظات الطبقة المختارة</translation>
    </message>
    <message>
        <source>Imported layers</source>
        <translation>الطبقات المستوردة</translation>
    </message>
    <message>
        <source>Show notes made on other reports</source>
        <translation>اعرض الملاحظات المكتوبة على تقارير أخرى</translation>
    </message>
    <message>
        <source>Notes made on other reports (not placed in this report)</source>
        <translation>ملاحظات مكتوبة على تقارير أخرى (غير موضوعة في هذا التقرير)</translation>
    </message>
    <message>
        <source>Notes list and filters</source>
        <translation>قائمة الملاحظات وعوامل التصفية</translation>
    </message>
    <message>
        <source>Notes list and note editor</source>
        <translation>قائمة الملاحظات ومحرر الملاحظة</translation>
    </message>
    <message>
        <source>Result of the last import</source>
        <translation>نتيجة آخر استيراد</translation>
    </message>
    <message>
        <source>Close the import result</source>
        <translation>إغلاق نتيجة الاستيراد</translation>
    </message>
    <message>
        <source>Order and filters ({0} in use)</source>
        <translation>الترتيب والتصفية ({0} قيد الاستخدام)</translation>
    </message>
    <message>
        <source>No bookmarks yet. Press Ctrl+D to bookmark the paragraph you are reading.</source>
        <translation>لا توجد إشارات مرجعية بعد. اضغط Ctrl+D لوضع إشارة على الفقرة التي تقرؤها.</translation>
    </message>
    <message>
        <source>No notes yet. Select text in the report and press Highlight or Add Note.</source>
        <translation>لا توجد ملاحظات بعد. حدِّد نصًّا في التقرير ثم اضغط «تظليل» أو «إضافة ملاحظة».</translation>
    </message>
    <message>
        <source>No note matches the filter.</source>
        <translation>لا تطابق أي ملاحظة عبارة التصفية.</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>أي وسم</translation>
    </message>
    <message>
        <source>Visible layers</source>
        <translation>الطبقات الظاهرة</translation>
    </message>
    <message>
        <source>My notes</source>
        <translation>ملاحظاتي</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>للقراءة فقط</translation>
    </message>
    <message>
        <source>editable</source>
        <translation>قابلة للتحرير</translation>
    </message>
    <message>
        <source>1 note</source>
        <translation>ملاحظة واحدة</translation>
    </message>
    <message>
        <source>{0} notes</source>
        <translation>الملاحظات: {0}</translation>
    </message>
    <message>
        <source>Tick to show this layer&apos;s notes in the report and this list.</source>
        <translation>حدِّد الخانة لعرض ملاحظات هذه الطبقة في التقرير وفي هذه القائمة.</translation>
    </message>
    <message>
        <source>Imported layers ({0}, {1} hidden)</source>
        <translation>الطبقات المستوردة ({0}، المخفية {1})</translation>
    </message>
    <message>
        <source>Imported layers ({0})</source>
        <translation>الطبقات المستوردة ({0})</translation>
    </message>
    <message>
        <source>Notes from other reports ({0})</source>
        <translation>ملاحظات من تقارير أخرى ({0})</translation>
    </message>
    <message>
        <source>From another report ({0}): “{1}”</source>
        <translation>من تقرير آخر ({0}): «{1}»</translation>
    </message>
    <message>
        <source>Made on another report; it is not placed in this one.</source>
        <translation>كُتبت على تقرير آخر؛ وليس لها موضع في هذا التقرير.</translation>
    </message>
</context>
<context>
    <name>OutsideLinkDialog</name>
    <message>
        <source>Open a link outside Field Reader</source>
        <translation>فتح رابط خارج Field Reader</translation>
    </message>
    <message>
        <source>Link to Outside the Report</source>
        <translation>رابط إلى خارج التقرير</translation>
    </message>
    <message>
        <source>This link opens your e-mail program to write to:</source>
        <translation>يفتح هذا الرابط برنامج البريد الإلكتروني للكتابة إلى:</translation>
    </message>
    <message>
        <source>This link leads to a page outside the report:</source>
        <translation>يقود هذا الرابط إلى صفحة خارج التقرير:</translation>
    </message>
    <message>
        <source>Open in Browser</source>
        <translation>فتح في المتصفح</translation>
    </message>
    <message>
        <source>Copy Address</source>
        <translation>نسخ العنوان</translation>
    </message>
    <message>
        <source>Open in E-mail Program</source>
        <translation>فتح في برنامج البريد</translation>
    </message>
    <message>
        <source>Open the link</source>
        <translation>افتح الرابط</translation>
    </message>
    <message>
        <source>Copy the address</source>
        <translation>انسخ العنوان</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>PrintOptionsDialog</name>
    <message>
        <source>Print options</source>
        <translation>خيارات الطباعة</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>طباعة</translation>
    </message>
    <message>
        <source>The current section, “{0}”, with its subsections</source>
        <translation>القسم الحالي «{0}» مع أقسامه الفرعية</translation>
    </message>
    <message>
        <source>Sections from:</source>
        <translation>الأقسام من:</translation>
    </message>
    <message>
        <source>The whole report</source>
        <translation>التقرير كاملًا</translation>
    </message>
    <message>
        <source>First section to print</source>
        <translation>أول قسم للطباعة</translation>
    </message>
    <message>
        <source>Last section to print</source>
        <translation>آخر قسم للطباعة</translation>
    </message>
    <message>
        <source>&amp;Highlights, in their colours and styles</source>
        <translation>ال&amp;تظليلات بألوانها وأنماطها</translation>
    </message>
    <message>
        <source>&amp;Notes, numbered in the text and printed at the end with their ¶</source>
        <translation>ال&amp;ملاحظات، مرقَّمة في النص ومطبوعة في النهاية مع أرقام ¶</translation>
    </message>
    <message>
        <source>Your notes are locked: unlock them first to print them.</source>
        <translation>ملاحظاتك مقفلة: افتح قفلها أولًا لطباعتها.</translation>
    </message>
    <message>
        <source>Pre&amp;view…</source>
        <translation>م&amp;عاينة…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>معاينة</translation>
    </message>
    <message>
        <source>to</source>
        <translation>إلى</translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message>
        <source>The two new passphrases differ; nothing was changed.</source>
        <translation>عبارتا المرور الجديدتان مختلفتان؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <source>Privacy lock</source>
        <translation>قفل الخصوصية</translation>
    </message>
    <message>
        <source>Privacy Lock</source>
        <translation>قفل الخصوصية</translation>
    </message>
    <message>
        <source>Privacy lock settings</source>
        <translation>إعدادات قفل الخصوصية</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>الإ&amp;عدادات</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>عبارة ال&amp;مرور</translation>
    </message>
    <message>
        <source>&amp;Erase Passphrase</source>
        <translation>عبارة الم&amp;حو</translation>
    </message>
    <message>
        <source>Turn &amp;Off</source>
        <translation>إي&amp;قاف</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>ما الذي حدث</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>The lock keeps your notes and reading position encrypted. They open only with your passphrase, and close again when you lock them or leave the computer idle.</source>
        <translation>يُبقي القفل ملاحظاتك وموضع قراءتك مشفَّرة. لا تُفتح إلا بعبارة المرور، وتُقفل من جديد عندما تقفلها أو تترك الحاسوب دون استخدام.</translation>
    </message>
    <message>
        <source>If you forget the passphrase, your notes cannot be recovered. Nobody can reset it.</source>
        <translation>إن نسيت عبارة المرور فلا يمكن استعادة ملاحظاتك، ولا يستطيع أحد إعادة تعيينها.</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>عبارة المرور الجديدة</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>عبارة المرور الجديدة مرة أخرى</translation>
    </message>
    <message>
        <source>&amp;Passphrase (at least {0} characters):</source>
        <translation>&amp;عبارة المرور ({0} حرفًا على الأقل):</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>م&amp;رة أخرى:</translation>
    </message>
    <message>
        <source>&amp;Lock when idle after:</source>
        <translation>القفل عند ال&amp;خمول بعد:</translation>
    </message>
    <message>
        <source>E&amp;rase notes after:</source>
        <translation>محو الملاحظات &amp;بعد:</translation>
    </message>
    <message>
        <source>&amp;Turn Lock On</source>
        <translation>&amp;تفعيل القفل</translation>
    </message>
    <message>
        <source>Turning the lock on and encrypting your notes…</source>
        <translation>جارٍ تفعيل القفل وتشفير ملاحظاتك…</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <source>Pass&amp;phrase:</source>
        <translation>عبا&amp;رة المرور:</translation>
    </message>
    <message>
        <source>The settings were saved.</source>
        <translation>حُفظت الإعدادات.</translation>
    </message>
    <message>
        <source>Sa&amp;ve Settings</source>
        <translation>ح&amp;فظ الإعدادات</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>عبارة المرور الحالية</translation>
    </message>
    <message>
        <source>&amp;Current passphrase:</source>
        <translation>عبارة المرور الحا&amp;لية:</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>عبارة المرور ال&amp;جديدة:</translation>
    </message>
    <message>
        <source>Your notes stay as they are; only the passphrase that opens them changes.</source>
        <translation>تبقى ملاحظاتك كما هي؛ تتغير فقط عبارة المرور التي تفتحها.</translation>
    </message>
    <message>
        <source>The passphrase was changed.</source>
        <translation>غُيِّرت عبارة المرور.</translation>
    </message>
    <message>
        <source>C&amp;hange Passphrase</source>
        <translation>&amp;تغيير عبارة المرور</translation>
    </message>
    <message>
        <source>An erase passphrase is a second passphrase for when you are forced to unlock. Entering it instead of your passphrase erases all notes without a sign: the reader then looks freshly installed.</source>
        <translation>عبارة المحو عبارة مرور ثانية لحالات الإكراه على فتح القفل. إدخالها بدلًا من عبارة المرور يمحو كل الملاحظات دون أي أثر، فيبدو البرنامج كأنه مثبَّت للتو.</translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation>عبارة مرورك</translation>
    </message>
    <message>
        <source>Erase passphrase</source>
        <translation>عبارة المحو</translation>
    </message>
    <message>
        <source>Erase passphrase again</source>
        <translation>عبارة المحو مرة أخرى</translation>
    </message>
    <message>
        <source>Your &amp;passphrase:</source>
        <translation>عبارة مرور&amp;ك:</translation>
    </message>
    <message>
        <source>E&amp;rase passphrase:</source>
        <translation>ع&amp;بارة المحو:</translation>
    </message>
    <message>
        <source>The two erase passphrases differ; nothing was changed.</source>
        <translation>عبارتا المحو مختلفتان؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <source>The erase passphrase was set.</source>
        <translation>عُيِّنت عبارة المحو.</translation>
    </message>
    <message>
        <source>There is no erase passphrase now.</source>
        <translation>لا توجد عبارة محو الآن.</translation>
    </message>
    <message>
        <source>&amp;Set Erase Passphrase</source>
        <translation>&amp;تعيين عبارة المحو</translation>
    </message>
    <message>
        <source>Re&amp;move Erase Passphrase</source>
        <translation>إ&amp;زالة عبارة المحو</translation>
    </message>
    <message>
        <source>Turning the lock off keeps your notes, stored without encryption from then on.</source>
        <translation>إيقاف القفل يُبقي ملاحظاتك، لكنها تُخزَّن بعد ذلك دون تشفير.</translation>
    </message>
    <message>
        <source>Turn Lock O&amp;ff</source>
        <translation>إيقا&amp;ف القفل</translation>
    </message>
    <message>
        <source>Checking the passphrase and turning the lock off…</source>
        <translation>جارٍ التحقق من عبارة المرور وإيقاف القفل…</translation>
    </message>
    <message>
        <source>Lock when idle after this many minutes (0: never)</source>
        <translation>القفل بعد هذا العدد من دقائق الخمول (0: أبدًا)</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> دقيقة</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>أبدًا</translation>
    </message>
    <message>
        <source>Erase the notes after this many wrong passphrases (0: never)</source>
        <translation>محو الملاحظات بعد هذا العدد من عبارات المرور الخاطئة (0: أبدًا)</translation>
    </message>
    <message>
        <source> wrong passphrases</source>
        <translation> محاولات خاطئة</translation>
    </message>
    <message>
        <source>Checking the passphrase…</source>
        <translation>جارٍ التحقق من عبارة المرور…</translation>
    </message>
</context>
<context>
    <name>ProgressIndicator</name>
    <message>
        <source>Reading progress</source>
        <translation>تقدُّم القراءة</translation>
    </message>
    <message>
        <source>Section {0} of {1} · {2} %</source>
        <translation>القسم {0} من {1} · {2}٪</translation>
    </message>
    <message>
        <source>Section {0} of {1}, {2}; {3} percent of the report read up to the top of the view.</source>
        <translation>القسم {0} من {1}، {2}؛ قُرئ {3} بالمئة من التقرير حتى أعلى العرض.</translation>
    </message>
</context>
<context>
    <name>ReadAloudBar</name>
    <message>
        <source>Read aloud</source>
        <translation>القراءة بصوت عالٍ</translation>
    </message>
    <message>
        <source>Read Aloud</source>
        <translation>القراءة بصوت عالٍ</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>السرعة</translation>
    </message>
    <message>
        <source>Reading speed</source>
        <translation>سرعة القراءة</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>الصوت</translation>
    </message>
    <message>
        <source>Read aloud status</source>
        <translation>حالة القراءة بصوت عالٍ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Close read aloud</source>
        <translation>إغلاق القراءة بصوت عالٍ</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <source>On to Report&apos;s End</source>
        <translation>حتى نهاية التقرير</translation>
    </message>
    <message>
        <source>Abbreviations in Full</source>
        <translation>الاختصارات كاملة</translation>
    </message>
    <message>
        <source>Read aloud: play or pause</source>
        <translation>القراءة بصوت عالٍ: تشغيل أو إيقاف مؤقت</translation>
    </message>
</context>
<context>
    <name>ReadAloudFeature</name>
    <message>
        <source>There is nothing here to read aloud.</source>
        <translation>لا يوجد هنا ما يُقرأ بصوت عالٍ.</translation>
    </message>
    <message>
        <source>Read Aloud Help</source>
        <translation>تعليمات القراءة بصوت عالٍ</translation>
    </message>
    <message>
        <source>Installing voices for read aloud</source>
        <translation>تثبيت أصوات للقراءة بصوت عالٍ</translation>
    </message>
    <message>
        <source>No voice for the report&apos;s language ({0}) is installed; reading with another voice. Help ▸ Read Aloud Help says how to add one.</source>
        <translation>لا يوجد صوت مثبَّت للغة التقرير ({0})؛ تجري القراءة بصوت آخر. تشرح «تعليمات ▸ تعليمات القراءة بصوت عالٍ» كيفية إضافة صوت.</translation>
    </message>
    <message>
        <source>Sentence {0} of {1}</source>
        <translation>الجملة {0} من {1}</translation>
    </message>
    <message>
        <source>Finished reading aloud.</source>
        <translation>انتهت القراءة بصوت عالٍ.</translation>
    </message>
    <message>
        <source>Read aloud stopped: no sound came out. Check that a sound device is connected and not muted.</source>
        <translation>توقفت القراءة بصوت عالٍ: لم يخرج أي صوت. تأكد أن جهاز صوت موصول وغير مكتوم.</translation>
    </message>
    <message>
        <source>Read Alo&amp;ud</source>
        <translation>القراءة &amp;بصوت عالٍ</translation>
    </message>
    <message>
        <source>Pa&amp;use Reading</source>
        <translation>إيقاف القراءة م&amp;ؤقتًا</translation>
    </message>
    <message>
        <source>Res&amp;ume Reading</source>
        <translation>است&amp;ئناف القراءة</translation>
    </message>
</context>
<context>
    <name>ReadingSettingsDialog</name>
    <message>
        <source>Reading settings</source>
        <translation>إعدادات القراءة</translation>
    </message>
    <message>
        <source>Reading Settings</source>
        <translation>إعدادات القراءة</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>الخط</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>حجم النص</translation>
    </message>
    <message>
        <source>{0} (normal)</source>
        <translation>{0} (عادي)</translation>
    </message>
    <message>
        <source>Line spacing</source>
        <translation>تباعد الأسطر</translation>
    </message>
    <message>
        <source>Column width in characters</source>
        <translation>عرض العمود بالأحرف</translation>
    </message>
    <message>
        <source>Whole width</source>
        <translation>العرض كاملًا</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> حرفًا</translation>
    </message>
    <message>
        <source>&amp;Font:</source>
        <translation>&amp;الخط:</translation>
    </message>
    <message>
        <source>Text &amp;size:</source>
        <translation>&amp;حجم النص:</translation>
    </message>
    <message>
        <source>&amp;Line spacing:</source>
        <translation>&amp;تباعد الأسطر:</translation>
    </message>
    <message>
        <source>&amp;Column width:</source>
        <translation>&amp;عرض العمود:</translation>
    </message>
    <message>
        <source>The text size adds to the zoom (Ctrl+= and Ctrl+-); Actual Size leaves it.</source>
        <translation>يُضاف حجم النص إلى التكبير (Ctrl+= وCtrl+-)؛ ولا يغيّره «الحجم الفعلي».</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>ا&amp;ستعادة الافتراضي</translation>
    </message>
    <message>
        <source>Reset the reading settings to the defaults</source>
        <translation>أعد إعدادات القراءة إلى قيمها الافتراضية</translation>
    </message>
</context>
<context>
    <name>SearchFeature</name>
    <message>
        <source>Search is being prepared; results will appear when it is ready.</source>
        <translation>يجري تجهيز البحث؛ ستظهر النتائج عندما يصبح جاهزًا.</translation>
    </message>
    <message>
        <source>Search is unavailable: {0}</source>
        <translation>البحث غير متاح: {0}</translation>
    </message>
    <message>
        <source>Your notes cannot be searched just now: {0}</source>
        <translation>لا يمكن البحث في ملاحظاتك الآن: {0}</translation>
    </message>
    <message>
        <source>That passage is not in this edition of the report.</source>
        <translation>هذا المقطع غير موجود في هذا الإصدار من التقرير.</translation>
    </message>
    <message>
        <source>The words searched for are only in the glossary, not in the report&apos;s text.</source>
        <translation>الكلمات المبحوث عنها موجودة في المسرد فقط، لا في نص التقرير.</translation>
    </message>
    <message>
        <source>Open a search result (Enter) to step through its matches.</source>
        <translation>افتح نتيجة بحث (Enter) للتنقل بين مطابقاتها.</translation>
    </message>
    <message>
        <source>No search matches to step through; search first.</source>
        <translation>لا توجد مطابقات للتنقل بينها؛ ابحث أولًا.</translation>
    </message>
    <message>
        <source>{0} matches in the report · F3 goes to the first</source>
        <translation>المطابقات في التقرير: {0} · ينتقل F3 إلى الأولى</translation>
    </message>
    <message>
        <source>Match {0} of {1} · F3 next · Esc clears</source>
        <translation>المطابقة {0} من {1} · F3 التالية · Esc للمسح</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search</source>
        <translation>البحث</translation>
    </message>
    <message>
        <source>Search the report, glossary and notes</source>
        <translation>ابحث في التقرير والمسرد والملاحظات</translation>
    </message>
    <message>
        <source>Preparing search</source>
        <translation>تجهيز البحث</translation>
    </message>
    <message>
        <source>Preparing search… %p%</source>
        <translation>جارٍ تجهيز البحث… %p%</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>حالة البحث</translation>
    </message>
    <message>
        <source>Search for the suggested spelling</source>
        <translation>ابحث بالتهجئة المقترحة</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>نتائج البحث</translation>
    </message>
    <message>
        <source>No results for “{0}”.</source>
        <translation>لا توجد نتائج لـ«{0}».</translation>
    </message>
    <message>
        <source>No exact matches; showing close matches.</source>
        <translation>لا توجد مطابقات تامة؛ تُعرض مطابقات قريبة.</translation>
    </message>
    <message>
        <source>1 result</source>
        <translation>نتيجة واحدة</translation>
    </message>
    <message>
        <source>{0} results</source>
        <translation>النتائج: {0}</translation>
    </message>
    <message>
        <source>Did you mean: {0}?</source>
        <translation>هل تقصد: {0}؟</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Moving around</source>
        <translation>التنقل</translation>
    </message>
    <message>
        <source>Next / previous control</source>
        <translation>عنصر التحكم التالي / السابق</translation>
    </message>
    <message>
        <source>Open the menus</source>
        <translation>فتح القوائم</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>البحث</translation>
    </message>
    <message>
        <source>Choose a result (from the search field)</source>
        <translation>اختيار نتيجة (من حقل البحث)</translation>
    </message>
    <message>
        <source>Open the chosen result</source>
        <translation>فتح النتيجة المختارة</translation>
    </message>
    <message>
        <source>Back to the search field; Esc there clears the search</source>
        <translation>العودة إلى حقل البحث؛ وEsc هناك يمسح البحث</translation>
    </message>
    <message>
        <source>Find in section</source>
        <translation>البحث في القسم</translation>
    </message>
    <message>
        <source>Next / previous match</source>
        <translation>المطابقة التالية / السابقة</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>إغلاق شريط البحث في القسم</translation>
    </message>
    <message>
        <source>Glossary popup</source>
        <translation>نافذة المسرد المنبثقة</translation>
    </message>
    <message>
        <source>Move between its links (after Ctrl+I)</source>
        <translation>التنقل بين روابطها (بعد Ctrl+I)</translation>
    </message>
    <message>
        <source>Follow the chosen link</source>
        <translation>فتح الرابط المختار</translation>
    </message>
    <message>
        <source>Close the popup and return to the text</source>
        <translation>إغلاق النافذة المنبثقة والعودة إلى النص</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Move the text cursor (Shift: select)</source>
        <translation>تحريك مؤشر النص (مع Shift: التحديد)</translation>
    </message>
    <message>
        <source>Move to the next link / follow it</source>
        <translation>الانتقال إلى الرابط التالي / فتحه</translation>
    </message>
    <message>
        <source>Show or hide the {0} panel</source>
        <translation>إظهار لوحة «{0}» أو إخفاؤها</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Filter shortcuts</source>
        <translation>تصفية الاختصارات</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
</context>
<context>
    <name>SpeechEngine</name>
    <message>
        <source>Read aloud needs Qt&apos;s text-to-speech module (the PySide6-Addons package), which is not installed; see Help ▸ Read Aloud Help.</source>
        <translation>تحتاج القراءة بصوت عالٍ إلى وحدة تحويل النص إلى كلام في Qt (حزمة PySide6-Addons)، وهي غير مثبَّتة؛ راجع «تعليمات ▸ تعليمات القراءة بصوت عالٍ».</translation>
    </message>
    <message>
        <source>No speech engine was found on this system; see Help ▸ Read Aloud Help to install voices.</source>
        <translation>لم يُعثر على محرك كلام في هذا النظام؛ راجع «تعليمات ▸ تعليمات القراءة بصوت عالٍ» لتثبيت الأصوات.</translation>
    </message>
    <message>
        <source>it did not start</source>
        <translation>لم يبدأ العمل</translation>
    </message>
    <message>
        <source>The speech engine “{0}” cannot speak ({1}); see Help ▸ Read Aloud Help.</source>
        <translation>لا يستطيع محرك الكلام «{0}» النطق ({1})؛ راجع «تعليمات ▸ تعليمات القراءة بصوت عالٍ».</translation>
    </message>
    <message>
        <source>Read aloud stopped: the speech engine reported “{0}”.</source>
        <translation>توقفت القراءة بصوت عالٍ: أبلغ محرك الكلام عن «{0}».</translation>
    </message>
    <message>
        <source>an error</source>
        <translation>خطأ</translation>
    </message>
</context>
<context>
    <name>TocView</name>
    <message>
        <source>Table of contents</source>
        <translation>جدول المحتويات</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock notes</source>
        <translation>فتح قفل الملاحظات</translation>
    </message>
    <message>
        <source>Unlock Notes</source>
        <translation>فتح قفل الملاحظات</translation>
    </message>
    <message>
        <source>Enter your passphrase to open your notes.</source>
        <translation>أدخل عبارة المرور لفتح ملاحظاتك.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <source>Why the notes did not open</source>
        <translation>سبب عدم فتح الملاحظات</translation>
    </message>
    <message>
        <source>Checking the passphrase…</source>
        <translation>جارٍ التحقق من عبارة المرور…</translation>
    </message>
    <message>
        <source>Checking the passphrase</source>
        <translation>جارٍ التحقق من عبارة المرور</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;فتح القفل</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>فتح القفل</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;عبارة المرور:</translation>
    </message>
</context>
<context>
    <name>accessibility</name>
    <message>
        <source>Glossary term</source>
        <translation>مصطلح من المسرد</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>مسح</translation>
    </message>
    <message>
        <source>More tools</source>
        <translation>مزيد من الأدوات</translation>
    </message>
    <message>
        <source>Shows the tools that do not fit</source>
        <translation>يعرض الأدوات التي لا تتسع لها المساحة</translation>
    </message>
    <message>
        <source>Choices: {0}</source>
        <translation>الخيارات: {0}</translation>
    </message>
    <message>
        <source>Vertical scroll bar</source>
        <translation>شريط التمرير العمودي</translation>
    </message>
    <message>
        <source>Horizontal scroll bar</source>
        <translation>شريط التمرير الأفقي</translation>
    </message>
</context>
<context>
    <name>annotator</name>
    <message>
        <source>Highlight</source>
        <translation>تظليل</translation>
    </message>
    <message>
        <source>Delete Note</source>
        <translation>حذف الملاحظة</translation>
    </message>
    <message>
        <source>Remove Layer</source>
        <translation>إزالة الطبقة</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>Cannot write {name}: the folder {folder} does not exist; choose another folder.</source>
        <translation>تعذّرت كتابة {name}: المجلد {folder} غير موجود؛ اختر مجلدًا آخر.</translation>
    </message>
    <message>
        <source>Cannot write {path}: it is a folder; give the name of a file to write.</source>
        <translation>تعذّرت كتابة {path}: إنه مجلد؛ أعطِ اسم ملف للكتابة فيه.</translation>
    </message>
    <message>
        <source>Cannot write {path}: it is not an ordinary file; give the name of a file to write.</source>
        <translation>تعذّرت كتابة {path}: إنه ليس ملفًا عاديًا؛ أعطِ اسم ملف للكتابة فيه.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}; choose a folder you can write to.</source>
        <translation>تعذّرت كتابة {path}: {reason}؛ اختر مجلدًا يمكنك الكتابة فيه.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}; check the free disk space.</source>
        <translation>تعذّرت كتابة {path}: {reason}؛ تحقّق من المساحة الفارغة على القرص.</translation>
    </message>
    <message>
        <source>Cannot read {name}: {reason}.</source>
        <translation>تعذّرت قراءة {name}: {reason}.</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>إنه مجلد وليس ملفًا</translation>
    </message>
    <message>
        <source>it is not a regular file (a device, pipe or socket)</source>
        <translation>ليس ملفًا عاديًا (بل جهاز أو أنبوب أو مقبس)</translation>
    </message>
    <message>
        <source>it is more than the {allowed} MB allowed</source>
        <translation>حجمه أكبر من الحد المسموح به وهو {allowed} ميغابايت</translation>
    </message>
    <message>
        <source>it is {size:.1f} MB, more than the {allowed} MB allowed</source>
        <translation>حجمه {size:.1f} ميغابايت، وهو أكبر من الحد المسموح به وهو {allowed} ميغابايت</translation>
    </message>
    <message>
        <source>There is no section “{section_id}”; `field-reader sections` lists them.</source>
        <translation>لا يوجد قسم باسم «{section_id}»؛ يسرد الأمر `field-reader sections` الأقسام الموجودة.</translation>
    </message>
    <message>
        <source>There is no paragraph “{paragraph_id}” in this report.</source>
        <translation>لا توجد فقرة باسم «{paragraph_id}» في هذا التقرير.</translation>
    </message>
    <message>
        <source>Cannot open the content folder {folder}: it does not exist or is not a folder.</source>
        <translation>تعذّر فتح مجلد المحتوى {folder}: إنه غير موجود أو ليس مجلدًا.</translation>
    </message>
    <message>
        <source>Cannot load {folder}: it has no {manifest}.</source>
        <translation>تعذّر تحميل {folder}: لا يحتوي على {manifest}.</translation>
    </message>
    <message>
        <source>Cannot load {folder}: the manifest lists {name}, which is missing.</source>
        <translation>تعذّر تحميل {folder}: يذكر البيان الملف {name}، وهو غير موجود.</translation>
    </message>
    <message>
        <source>Cannot load {folder}: its Markdown has no headings, so there are no sections to show.</source>
        <translation>تعذّر تحميل {folder}: لا يحتوي نص Markdown فيه على عناوين، فلا توجد أقسام لعرضها.</translation>
    </message>
    <message>
        <source>Cannot load {name} from {folder}: {reason}.</source>
        <translation>تعذّر تحميل {name} من {folder}: {reason}.</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}.</source>
        <translation>تعذّرت قراءة {path}: {reason}.</translation>
    </message>
    <message>
        <source>Cannot load {name}: line {line} is not valid UTF-8; save the file as UTF-8.</source>
        <translation>تعذّر تحميل {name}: السطر {line} ليس بترميز UTF-8 صالح؛ احفظ الملف بترميز UTF-8.</translation>
    </message>
    <message>
        <source>Cannot load {name}: line {line} is not valid JSON ({problem}).</source>
        <translation>تعذّر تحميل {name}: السطر {line} ليس بصيغة JSON صالحة ({problem}).</translation>
    </message>
    <message>
        <source>Cannot load {name}: its JSON is nested too deeply to be a manifest.</source>
        <translation>تعذّر تحميل {name}: تداخل JSON فيه أعمق من أن يكون بيانًا.</translation>
    </message>
    <message>
        <source>Cannot load {name}: it holds a number too long to read.</source>
        <translation>تعذّر تحميل {name}: يحتوي على عدد أطول من أن يُقرأ.</translation>
    </message>
    <message>
        <source>Cannot load {name}: it must hold one JSON object.</source>
        <translation>تعذّر تحميل {name}: يجب أن يحتوي على كائن JSON واحد.</translation>
    </message>
    <message>
        <source>Cannot load {name}: it lacks {keys}.</source>
        <translation>تعذّر تحميل {name}: ينقصه {keys}.</translation>
    </message>
    <message>
        <source>Cannot load {name}: “files” must be a list of Markdown file names.</source>
        <translation>تعذّر تحميل {name}: يجب أن يكون «files» قائمة بأسماء ملفات Markdown.</translation>
    </message>
    <message>
        <source>Cannot load {name}: “{file}” must be a file inside the content folder.</source>
        <translation>تعذّر تحميل {name}: يجب أن يكون «{file}» ملفًا داخل مجلد المحتوى.</translation>
    </message>
    <message>
        <source>Cannot load {name}: “files” lists {file} twice; list each file once.</source>
        <translation>تعذّر تحميل {name}: يذكر «files» الملف {file} مرتين؛ اذكر كل ملف مرة واحدة.</translation>
    </message>
    <message>
        <source>Cannot load {name}: “{key}” must be text.</source>
        <translation>تعذّر تحميل {name}: يجب أن يكون «{key}» نصًّا.</translation>
    </message>
    <message>
        <source>Cannot load {name}: “edition_date” is “{date}”; write the date as YYYY-MM-DD.</source>
        <translation>تعذّر تحميل {name}: قيمة «edition_date» هي «{date}»؛ اكتب التاريخ بالصيغة YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>Cannot load {name}: “id” must be lower-case letters, digits and hyphens.</source>
        <translation>تعذّر تحميل {name}: يجب أن يتكوّن «id» من حروف لاتينية صغيرة وأرقام وشرطات.</translation>
    </message>
    <message>
        <source>Cannot load {file_name}: line {line} repeats the section id “{section_id}”.</source>
        <translation>تعذّر تحميل {file_name}: يكرّر السطر {line} معرِّف القسم «{section_id}».</translation>
    </message>
    <message>
        <source>There is no glossary entry “{term_id}”; `field-reader glossary` lists them.</source>
        <translation>لا يوجد مدخل في المسرد باسم «{term_id}»؛ يسرد الأمر `field-reader glossary` المداخل الموجودة.</translation>
    </message>
    <message>
        <source>Cannot load the glossary {name}: {reason}.</source>
        <translation>تعذّر تحميل المسرد {name}: {reason}.</translation>
    </message>
    <message>
        <source>Cannot load the glossary: {name} is missing; add it or remove “glossary” from the manifest.</source>
        <translation>تعذّر تحميل المسرد: الملف {name} غير موجود؛ أضفه أو احذف «glossary» من البيان.</translation>
    </message>
    <message>
        <source>Cannot load the glossary: {name} is not valid UTF-8; save it as UTF-8.</source>
        <translation>تعذّر تحميل المسرد: الملف {name} ليس بترميز UTF-8 صالح؛ احفظه بترميز UTF-8.</translation>
    </message>
    <message>
        <source>Cannot read the glossary {path}: {reason}.</source>
        <translation>تعذّرت قراءة المسرد {path}: {reason}.</translation>
    </message>
    <message>
        <source>Cannot load {name}: its JSON is nested too deeply to be a glossary.</source>
        <translation>تعذّر تحميل {name}: تداخل JSON فيه أعمق من أن يكون مسردًا.</translation>
    </message>
    <message>
        <source>Cannot load {name}: it must hold one JSON object with a “terms” list.</source>
        <translation>تعذّر تحميل {name}: يجب أن يحتوي على كائن JSON واحد فيه قائمة «terms».</translation>
    </message>
    <message>
        <source>Cannot load {name}: it is in glossary format {glossary_format}, but this version reads formats 1 to {newest}; update Field Reader.</source>
        <translation>تعذّر تحميل {name}: إنه بصيغة المسرد {glossary_format}، لكن هذا الإصدار يقرأ الصيغ من 1 إلى {newest}؛ حدِّث Field Reader.</translation>
    </message>
    <message>
        <source>Cannot load {file_name}: its “as_of” must be a date written YYYY-MM-DD, like 2025-02-11.</source>
        <translation>تعذّر تحميل {file_name}: يجب أن يكون «as_of» فيه تاريخًا مكتوبًا بالصيغة YYYY-MM-DD، مثل 2025-02-11.</translation>
    </message>
    <message>
        <source>Cannot load {name}: entry {number}</source>
        <translation>تعذّر تحميل {name}: المدخل {number}</translation>
    </message>
    <message>
        <source>{where} must be a JSON object.</source>
        <translation>{where} يجب أن يكون كائن JSON.</translation>
    </message>
    <message>
        <source>{where} needs a non-empty text “{key}”.</source>
        <translation>{where} يحتاج إلى نص غير فارغ في «{key}».</translation>
    </message>
    <message>
        <source>Cannot load {name}: entry “{term_id}”</source>
        <translation>تعذّر تحميل {name}: المدخل «{term_id}»</translation>
    </message>
    <message>
        <source>{where} needs an id of lower-case letters, digits and hyphens.</source>
        <translation>{where} يحتاج إلى معرِّف من حروف لاتينية صغيرة وأرقام وشرطات.</translation>
    </message>
    <message>
        <source>{where} has a “{key}” that is not text.</source>
        <translation>{where} فيه «{key}» ليس نصًّا.</translation>
    </message>
    <message>
        <source>{where} has a “{key}” that is not a list of texts.</source>
        <translation>{where} فيه «{key}» ليس قائمة من النصوص.</translation>
    </message>
    <message>
        <source>{where} has a “background” that is not true or false.</source>
        <translation>{where} فيه «background» قيمته ليست true ولا false.</translation>
    </message>
    <message>
        <source>{where} lists “{form}” as case-bound, but it is not its term, expansion or one of its aliases.</source>
        <translation>{where} يذكر «{form}» على أنه مقيَّد بحالة الأحرف، لكنه ليس مصطلحه ولا صيغته الكاملة ولا أحد أسمائه البديلة.</translation>
    </message>
    <message>
        <source>Cannot load {file_name}: the id “{term_id}” is used by two entries.</source>
        <translation>تعذّر تحميل {file_name}: المعرِّف «{term_id}» مستخدم في مدخلين.</translation>
    </message>
    <message>
        <source>Cannot load {file_name}: “{form}” belongs to both “{owner}” and “{term_id}”; keep it in one.</source>
        <translation>تعذّر تحميل {file_name}: «{form}» ينتمي إلى «{owner}» وإلى «{term_id}» معًا؛ أبقِه في أحدهما فقط.</translation>
    </message>
    <message>
        <source>Cannot load {file_name}: entry “{term_id}” lists the related entry “{related}”, which does not exist.</source>
        <translation>تعذّر تحميل {file_name}: يذكر المدخل «{term_id}» المدخل المرتبط «{related}»، وهو غير موجود.</translation>
    </message>
    <message>
        <source>Auto-lock takes a number of minutes from 0 (never) to 1440.</source>
        <translation>يأخذ القفل التلقائي عددًا من الدقائق من 0 (أبدًا) إلى 1440.</translation>
    </message>
    <message>
        <source>Erasing after wrong tries takes 0 (never) or a number from 3 to 100.</source>
        <translation>يأخذ المحو بعد المحاولات الخاطئة القيمة 0 (أبدًا) أو عددًا من 3 إلى 100.</translation>
    </message>
    <message>
        <source>The lock file {path} is damaged; without it the notes cannot be opened.</source>
        <translation>ملف القفل {path} تالف؛ ولا يمكن فتح الملاحظات من دونه.</translation>
    </message>
    <message>
        <source>The erase passphrase must differ from the passphrase; nothing was changed.</source>
        <translation>يجب أن تختلف عبارة المحو عن عبارة المرور؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least {min_passphrase} characters; nothing was changed.</source>
        <translation>اختر عبارة مرور من {min_passphrase} أحرف على الأقل؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <source>A passphrase can hold only text characters; nothing was changed.</source>
        <translation>لا تحوي عبارة المرور إلا حروفًا نصية؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <source>A passphrase cannot begin or end with a space; nothing was changed.</source>
        <translation>لا يمكن أن تبدأ عبارة المرور بمسافة أو تنتهي بها؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <source>Cannot save the lock: {reason}</source>
        <translation>تعذّر حفظ القفل: {reason}</translation>
    </message>
    <message>
        <source>The notes are locked; unlock them with your passphrase first.</source>
        <translation>الملاحظات مقفلة؛ افتح قفلها بعبارة المرور أولًا.</translation>
    </message>
    <message>
        <source>Wrong passphrase; the notes stay locked. Wrong tries are not counted while the data folder cannot be written to.</source>
        <translation>عبارة مرور خاطئة؛ تبقى الملاحظات مقفلة. لا تُحسب المحاولات الخاطئة ما دام لا يمكن الكتابة في مجلد البيانات.</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>عبارة المرور خاطئة.</translation>
    </message>
    <message>
        <source>Wrong passphrase; the notes stay locked.</source>
        <translation>عبارة المرور خاطئة؛ تبقى الملاحظات مقفلة.</translation>
    </message>
    <message>
        <source>Wrong passphrase; the notes stay locked. {left} try is left before the notes are erased.</source>
        <translation>عبارة المرور خاطئة؛ تبقى الملاحظات مقفلة. بقيت محاولة واحدة ({left}) قبل أن تُمحى الملاحظات.</translation>
    </message>
    <message>
        <source>Wrong passphrase; the notes stay locked. {left} tries are left before the notes are erased.</source>
        <translation>عبارة المرور خاطئة؛ تبقى الملاحظات مقفلة. بقي من المحاولات {left} قبل أن تُمحى الملاحظات.</translation>
    </message>
    <message>
        <source>The lock is already on; change its passphrase instead.</source>
        <translation>القفل مفعَّل من قبل؛ غيِّر عبارة المرور بدلًا من ذلك.</translation>
    </message>
    <message>
        <source>The data folder {folder} cannot be written to, so nothing was changed.</source>
        <translation>لا يمكن الكتابة في مجلد البيانات {folder}، لذا لم يتغير شيء.</translation>
    </message>
    <message>
        <source>The lock is off; turn it on first.</source>
        <translation>القفل غير مفعَّل؛ فعِّله أولًا.</translation>
    </message>
    <message>
        <source>Wrong passphrase; nothing was changed.</source>
        <translation>عبارة المرور خاطئة؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <source>Cannot erase {path}: {reason}; nothing after it was erased.</source>
        <translation>تعذّر محو {path}: {reason}؛ لم يُمحَ شيء بعده.</translation>
    </message>
    <message>
        <source>Cannot remove the folder {folder}: {reason}.</source>
        <translation>تعذّرت إزالة المجلد {folder}: {reason}.</translation>
    </message>
    <message>
        <source>Cannot load {file_name}: line {line} {problem}.</source>
        <translation>تعذّر تحميل {file_name}: السطر {line} {problem}.</translation>
    </message>
    <message>
        <source>is nested more than {max_nesting} levels deep (indents, lists or block quotes inside each other); the reader shows none inside another, so flatten it</source>
        <translation>متداخل لأكثر من {max_nesting} مستويات (إزاحات أو قوائم أو اقتباسات بعضها داخل بعض)؛ لا يعرض القارئ شيئًا منها داخل آخر، فقلِّل تداخله</translation>
    </message>
    <message>
        <source>Cannot load {file_name}: its Markdown nests lists or block quotes too deeply to be read; flatten them.</source>
        <translation>تعذّر تحميل {file_name}: يتداخل فيه نص Markdown بقوائم أو اقتباسات أعمق من أن تُقرأ؛ قلِّل تداخلها.</translation>
    </message>
    <message>
        <source>Cannot show a paragraph: its Markdown is nested too deeply to be read.</source>
        <translation>تعذّر عرض فقرة: تداخل نص Markdown فيها أعمق من أن يُقرأ.</translation>
    </message>
    <message>
        <source>has text before the first heading; start the file with a heading</source>
        <translation>فيه نص قبل العنوان الأول؛ ابدأ الملف بعنوان</translation>
    </message>
    <message>
        <source>is indented by four spaces, which Markdown reads as code; remove the indent</source>
        <translation>مُزاح بأربع مسافات، ويقرؤه Markdown على أنه شيفرة؛ أزل الإزاحة</translation>
    </message>
    <message>
        <source>has a &lt;{tag}&gt; block, which the reader cannot show</source>
        <translation>فيه كتلة &lt;{tag}&gt;، ولا يستطيع القارئ عرضها</translation>
    </message>
    <message>
        <source>begins a paragraph with over {max_brackets} “[”, too many to read as links</source>
        <translation>يبدأ فقرة بأكثر من {max_brackets} من «[»، وهذا أكثر من أن يُقرأ روابط</translation>
    </message>
    <message>
        <source>has a list item holding more than one paragraph, or a list, quote or code block; the reader shows each list item as one paragraph</source>
        <translation>فيه عنصر قائمة يحتوي على أكثر من فقرة، أو على قائمة أو اقتباس أو كتلة شيفرة؛ يعرض القارئ كل عنصر قائمة فقرةً واحدة</translation>
    </message>
    <message>
        <source>a block quote</source>
        <translation>اقتباس</translation>
    </message>
    <message>
        <source>opens a “!!! {kind}” box; the reader knows only “!!! callout”</source>
        <translation>يفتح مربع «!!! {kind}»؛ ولا يعرف القارئ إلا «!!! callout»</translation>
    </message>
    <message>
        <source>a call-out box</source>
        <translation>مربع تنبيه</translation>
    </message>
    <message>
        <source>gives a call-out box a title; write “!!! callout” alone</source>
        <translation>يعطي مربع التنبيه عنوانًا؛ اكتب «!!! callout» وحده</translation>
    </message>
    <message>
        <source>puts a &lt;{tag}&gt; inside {what}, which may hold only paragraphs</source>
        <translation>يضع &lt;{tag}&gt; داخل {what}، ولا يجوز أن يحتوي إلا على فقرات</translation>
    </message>
    <message>
        <source>has a heading without a title</source>
        <translation>فيه عنوان بلا نص</translation>
    </message>
    <message>
        <source>ends its heading with “{braces}”, which is not a section id; write {{#my-id}} with lower-case letters, digits and hyphens</source>
        <translation>ينهي عنوانه بـ«{braces}»، وهذا ليس معرِّف قسم؛ اكتب {{#my-id}} بحروف لاتينية صغيرة وأرقام وشرطات</translation>
    </message>
    <message>
        <source>has an image; the reader shows only text, so describe it in words</source>
        <translation>فيه صورة؛ لا يعرض القارئ إلا النص، فصِفها بالكلمات</translation>
    </message>
    <message>
        <source>has a {{…}} attribute list, which the reader does not use; remove it</source>
        <translation>فيه قائمة سمات {{…}}، ولا يستخدمها القارئ؛ احذفها</translation>
    </message>
    <message>
        <source>Cannot highlight in paragraph “{paragraph_id}”: it is not in this report.</source>
        <translation>تعذّر التظليل في الفقرة «{paragraph_id}»: ليست في هذا التقرير.</translation>
    </message>
    <message>
        <source>Cannot highlight an empty selection; select some text first.</source>
        <translation>لا يمكن تظليل تحديد فارغ؛ حدِّد نصًّا أولًا.</translation>
    </message>
    <message>
        <source>Cannot highlight only white space; select some words first.</source>
        <translation>لا يمكن تظليل مسافات فارغة فقط؛ حدِّد بعض الكلمات أولًا.</translation>
    </message>
    <message>
        <source>Cannot write the notes copy {target}: {reason}; check the free disk space.</source>
        <translation>تعذّرت كتابة نسخة الملاحظات {target}: {reason}؛ تحقّق من المساحة الفارغة على القرص.</translation>
    </message>
    <message>
        <source>Cannot save the notes in {folder}: {reason}; nothing was changed.</source>
        <translation>تعذّر حفظ الملاحظات في {folder}: {reason}؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <source>{problem}; nothing was changed.</source>
        <translation>{problem}؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <source>Cannot export to {path}: it is inside the folder that keeps your notes ({folder}); choose another folder.</source>
        <translation>تعذّر التصدير إلى {path}: إنه داخل المجلد الذي يحفظ ملاحظاتك ({folder})؛ اختر مجلدًا آخر.</translation>
    </message>
    <message>
        <source>Cannot export to “{export_format}”: use one of {names}.</source>
        <translation>تعذّر التصدير إلى «{export_format}»: استخدم واحدًا مما يلي: {names}.</translation>
    </message>
    <message>
        <source>Only a W3C notes file (json) can be sealed; handouts are made to be shared.</source>
        <translation>لا يُختم إلا ملف ملاحظات W3C ‏(json)؛ فالمطبوعات مُعدّة للمشاركة.</translation>
    </message>
    <message>
        <source>“{name}” cannot be a layer name; use up to {max_layer_name} printable characters.</source>
        <translation>لا يمكن أن يكون «{name}» اسمًا لطبقة؛ استخدم حتى {max_layer_name} حرفًا قابلًا للطباعة.</translation>
    </message>
    <message>
        <source>A note&apos;s text must be plain text.</source>
        <translation>يجب أن يكون نص الملاحظة نصًّا عاديًا.</translation>
    </message>
    <message>
        <source>This note is too long to save; keep it under {max_note_text:,} characters.</source>
        <translation>هذه الملاحظة أطول من أن تُحفظ؛ اجعلها أقل من {max_note_text:,} حرف.</translation>
    </message>
    <message>
        <source>Cannot save a highlight without any highlighted text; select some text first.</source>
        <translation>لا يمكن حفظ تظليل بلا نص مظلَّل؛ حدِّد نصًّا أولًا.</translation>
    </message>
    <message>
        <source>Cannot save a highlight that is not in a section; select text in the document.</source>
        <translation>لا يمكن حفظ تظليل خارج الأقسام؛ حدِّد نصًّا في المستند.</translation>
    </message>
    <message>
        <source>Cannot save a highlight from {start} to {end}; the range is not valid.</source>
        <translation>تعذّر حفظ تظليل من {start} إلى {end}؛ النطاق غير صالح.</translation>
    </message>
    <message>
        <source>“{value}” is not a highlight colour; use one of {names}.</source>
        <translation>«{value}» ليس لونًا للتظليل؛ استخدم واحدًا مما يلي: {names}.</translation>
    </message>
    <message>
        <source>“{value}” is not a highlight style; use one of {names}.</source>
        <translation>«{value}» ليس نمطًا للتظليل؛ استخدم واحدًا مما يلي: {names}.</translation>
    </message>
    <message>
        <source>Cannot remove deleted notes from the backup {name}: {reason}.</source>
        <translation>تعذّرت إزالة الملاحظات المحذوفة من النسخة الاحتياطية {name}: {reason}.</translation>
    </message>
    <message>
        <source>Cannot remove the unreadable backup {path}: {reason}.</source>
        <translation>تعذّرت إزالة النسخة الاحتياطية غير المقروءة {path}: {reason}.</translation>
    </message>
    <message>
        <source>another copy of the app is saving; try again</source>
        <translation>نسخة أخرى من التطبيق تحفظ الآن؛ حاول مرة أخرى</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>القرص ممتلئ</translation>
    </message>
    <message>
        <source>the data folder cannot be written to</source>
        <translation>لا يمكن الكتابة في مجلد البيانات</translation>
    </message>
    <message>
        <source>the disk could not be written</source>
        <translation>تعذّرت الكتابة على القرص</translation>
    </message>
    <message>
        <source>Cannot read the notes database {path}: {reason}.</source>
        <translation>تعذّرت قراءة قاعدة بيانات الملاحظات {path}: {reason}.</translation>
    </message>
    <message>
        <source>Cannot save notes: the data folder {folder} cannot be written to; they can be read and exported only.</source>
        <translation>تعذّر حفظ الملاحظات: لا يمكن الكتابة في مجلد البيانات {folder}؛ يمكن قراءتها وتصديرها فقط.</translation>
    </message>
    <message>
        <source>Cannot remove the unfinished copy {leftover}: {reason}.</source>
        <translation>تعذّرت إزالة النسخة غير المكتملة {leftover}: {reason}.</translation>
    </message>
    <message>
        <source>Cannot open the notes database {path}: {reason}; check that the folder is writable.</source>
        <translation>تعذّر فتح قاعدة بيانات الملاحظات {path}: {reason}؛ تأكّد من أن المجلد قابل للكتابة.</translation>
    </message>
    <message>
        <source>Cannot open the notes database {path}: {reason}; close other copies of the app.</source>
        <translation>تعذّر فتح قاعدة بيانات الملاحظات {path}: {reason}؛ أغلق النسخ الأخرى من التطبيق.</translation>
    </message>
    <message>
        <source>The notes database {path} was written by a newer version of Field Reader (schema {version}); update the app to open it.</source>
        <translation>كُتبت قاعدة بيانات الملاحظات {path} بإصدار أحدث من Field Reader (المخطط {version})؛ حدِّث التطبيق لتفتحها.</translation>
    </message>
    <message>
        <source>Cannot open the notes database {path}: {reason}; check that the folder is readable.</source>
        <translation>تعذّر فتح قاعدة بيانات الملاحظات {path}: {reason}؛ تأكّد من أن المجلد قابل للقراءة.</translation>
    </message>
    <message>
        <source>Cannot check the notes database {path}: {reason}; close other copies of the app.</source>
        <translation>تعذّر فحص قاعدة بيانات الملاحظات {path}: {reason}؛ أغلق النسخ الأخرى من التطبيق.</translation>
    </message>
    <message>
        <source>The notes database {path} is damaged ({problem}) and could not be moved aside: {reason}; copy it somewhere safe and restart.</source>
        <translation>قاعدة بيانات الملاحظات {path} تالفة ({problem}) وتعذّر نقلها جانبًا: {reason}؛ انسخها إلى مكان آمن وأعد التشغيل.</translation>
    </message>
    <message>
        <source>Your notes database was damaged ({problem}); it was kept as {name} and your notes were restored from the backup of {taken}, so changes made after that time may be missing.</source>
        <translation>كانت قاعدة بيانات ملاحظاتك تالفة ({problem})؛ احتُفظ بها باسم {name} واستُعيدت ملاحظاتك من النسخة الاحتياطية المأخوذة في {taken}، لذا قد تنقص التغييرات التي أُجريت بعد ذلك الوقت.</translation>
    </message>
    <message>
        <source>Your notes database was damaged ({problem}) and there was no good backup; the damaged file was kept as {name} and a new, empty notes database was started.</source>
        <translation>كانت قاعدة بيانات ملاحظاتك تالفة ({problem}) ولم توجد نسخة احتياطية سليمة؛ احتُفظ بالملف التالف باسم {name} وبُدئت قاعدة بيانات ملاحظات جديدة فارغة.</translation>
    </message>
    <message>
        <source>Cannot update the notes database {path} to schema {schema_version}: {reason}.</source>
        <translation>تعذّر تحديث قاعدة بيانات الملاحظات {path} إلى المخطط {schema_version}: {reason}.</translation>
    </message>
    <message>
        <source>Cannot check the notes database before backing it up: {reason}.</source>
        <translation>تعذّر فحص قاعدة بيانات الملاحظات قبل نسخها احتياطيًا: {reason}.</translation>
    </message>
    <message>
        <source>The notes database failed its check, so today&apos;s backup was left as it was; restart the app to recover.</source>
        <translation>لم تجتز قاعدة بيانات الملاحظات الفحص، فتُركت نسخة اليوم الاحتياطية كما هي؛ أعد تشغيل التطبيق لاستعادتها.</translation>
    </message>
    <message>
        <source>Cannot remove the old notes backup {old}: {reason}.</source>
        <translation>تعذّرت إزالة النسخة الاحتياطية القديمة للملاحظات {old}: {reason}.</translation>
    </message>
    <message>
        <source>Cannot save notes: {reason}; close other copies of the app and try again.</source>
        <translation>تعذّر حفظ الملاحظات: {reason}؛ أغلق النسخ الأخرى من التطبيق وحاول مرة أخرى.</translation>
    </message>
    <message>
        <source>The notes file {path} is damaged ({problem}) and could not be moved aside: {reason}.</source>
        <translation>ملف الملاحظات {path} تالف ({problem}) وتعذّر نقله جانبًا: {reason}.</translation>
    </message>
    <message>
        <source>Your notes file was damaged ({problem}); it was kept as {name} and your notes were restored from the backup of {taken}, so changes made after that time may be missing.</source>
        <translation>كان ملف ملاحظاتك تالفًا ({problem})؛ احتُفظ به باسم {name} واستُعيدت ملاحظاتك من النسخة الاحتياطية المأخوذة في {taken}، لذا قد تنقص التغييرات التي أُجريت بعد ذلك الوقت.</translation>
    </message>
    <message>
        <source>Your notes file was damaged ({problem}) and there was no good backup; the damaged file was kept as {name} and new, empty notes were started.</source>
        <translation>كان ملف ملاحظاتك تالفًا ({problem}) ولم توجد نسخة احتياطية سليمة؛ احتُفظ بالملف التالف باسم {name} وبُدئت ملاحظات جديدة فارغة.</translation>
    </message>
    <message>
        <source>{name} {reason}</source>
        <translation>{name} {reason}</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least {min_passphrase} characters for the file; nothing was written.</source>
        <translation>اختر للملف عبارة مرور من {min_passphrase} أحرف على الأقل؛ لم يُكتب شيء.</translation>
    </message>
    <message>
        <source>{name} is sealed with a passphrase; give it to import the notes. Nothing was changed.</source>
        <translation>الملف {name} مختوم بعبارة مرور؛ أدخلها لاستيراد الملاحظات. لم يتغير شيء.</translation>
    </message>
    <message>
        <source>Cannot import {name}: the sealed file is damaged. Nothing was changed.</source>
        <translation>تعذّر استيراد {name}: الملف المختوم تالف. لم يتغير شيء.</translation>
    </message>
    <message>
        <source>Cannot import {name}: it asks for an unreasonable key derivation. Nothing was changed.</source>
        <translation>تعذّر استيراد {name}: يطلب اشتقاق مفتاح بكلفة غير معقولة. لم يتغير شيء.</translation>
    </message>
    <message>
        <source>Wrong passphrase for {name}, or the file is damaged. Nothing was changed.</source>
        <translation>عبارة المرور خاطئة للملف {name}، أو أن الملف تالف. لم يتغير شيء.</translation>
    </message>
    <message>
        <source>There is no note “{note_id}”; it may have been deleted.</source>
        <translation>لا توجد ملاحظة باسم «{note_id}»؛ ربما حُذفت.</translation>
    </message>
    <message>
        <source>Cannot read the notes database {path}: {reason}; restart the app.</source>
        <translation>تعذّرت قراءة قاعدة بيانات الملاحظات {path}: {reason}؛ أعد تشغيل التطبيق.</translation>
    </message>
    <message>
        <source>There is no notes layer “{name}”; it may have been removed.</source>
        <translation>لا توجد طبقة ملاحظات باسم «{name}»؛ ربما أُزيلت.</translation>
    </message>
    <message>
        <source>Cannot restore note “{note_id}”: a note with that id already exists.</source>
        <translation>تعذّرت استعادة الملاحظة «{note_id}»: توجد ملاحظة بالمعرِّف نفسه.</translation>
    </message>
    <message>
        <source>Your own notes layer cannot be made read-only.</source>
        <translation>لا يمكن جعل طبقة ملاحظاتك الخاصة للقراءة فقط.</translation>
    </message>
    <message>
        <source>Your own notes layer cannot be removed; delete single notes instead.</source>
        <translation>لا يمكن إزالة طبقة ملاحظاتك الخاصة؛ احذف الملاحظات واحدة واحدة بدلًا من ذلك.</translation>
    </message>
    <message>
        <source>Cannot save notes: {reason}; nothing was changed.</source>
        <translation>تعذّر حفظ الملاحظات: {reason}؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <source>There is no notes layer “{name}”.</source>
        <translation>لا توجد طبقة ملاحظات باسم «{name}».</translation>
    </message>
    <message>
        <source>There is no notes layer “{name}”; import a file to create it.</source>
        <translation>لا توجد طبقة ملاحظات باسم «{name}»؛ استورد ملفًا لإنشائها.</translation>
    </message>
    <message>
        <source>The layer “{name}” is read-only; make it editable in the notes panel first.</source>
        <translation>الطبقة «{name}» للقراءة فقط؛ اجعلها قابلة للتحرير من لوحة الملاحظات أولًا.</translation>
    </message>
    <message>
        <source>has a note text that is not text</source>
        <translation>فيه نص ملاحظة ليس نصًّا</translation>
    </message>
    <message>
        <source>has tags that are not a list of text</source>
        <translation>فيه وسوم ليست قائمة من النصوص</translation>
    </message>
    <message>
        <source>has a bodyValue that is not text</source>
        <translation>فيه bodyValue ليس نصًّا</translation>
    </message>
    <message>
        <source>has more than {max_tags} tags</source>
        <translation>فيه أكثر من {max_tags} وسمًا</translation>
    </message>
    <message>
        <source>nests its bodies more than {max_depth} deep</source>
        <translation>تتداخل أجسامه لأكثر من {max_depth} مستويات</translation>
    </message>
    <message>
        <source>has a body that is not an object</source>
        <translation>فيه جسم ليس كائنًا</translation>
    </message>
    <message>
        <source>has a body whose value is not text</source>
        <translation>فيه جسم قيمته ليست نصًّا</translation>
    </message>
    <message>
        <source>{first}, {rest}</source>
        <translation>{first}، {rest}</translation>
    </message>
    <message>
        <source>{first}; {rest}</source>
        <translation>{first}؛ {rest}</translation>
    </message>
    <message>
        <source>Imported {count} note into the layer “{layer}”</source>
        <translation>استُوردت {count} ملاحظة إلى الطبقة «{layer}»</translation>
    </message>
    <message>
        <source>Imported {count} notes into the layer “{layer}”</source>
        <translation>استُوردت {count} من الملاحظات إلى الطبقة «{layer}»</translation>
    </message>
    <message>
        <source>{count} annotation on {passages} passages became {notes} notes, one per passage</source>
        <translation>{count} تعليق توضيحي على {passages} من المقاطع صار {notes} من الملاحظات، ملاحظة لكل مقطع</translation>
    </message>
    <message>
        <source>{count} annotations on {passages} passages became {notes} notes, one per passage</source>
        <translation>{count} من التعليقات التوضيحية على {passages} من المقاطع صارت {notes} من الملاحظات، ملاحظة لكل مقطع</translation>
    </message>
    <message>
        <source>{count} already there</source>
        <translation>{count} موجودة من قبل</translation>
    </message>
    <message>
        <source>{count} whose passage was not found (kept as orphaned)</source>
        <translation>{count} لم يُعثر على مقاطعها (أُبقيت ملاحظاتٍ بلا موضع)</translation>
    </message>
    <message>
        <source>{count} without a quoted passage (left out: {reasons})</source>
        <translation>{count} بلا مقطع مقتبس (تُركت: {reasons})</translation>
    </message>
    <message>
        <source>{count} without a quoted passage (left out)</source>
        <translation>{count} بلا مقطع مقتبس (تُركت)</translation>
    </message>
    <message>
        <source>{said}.</source>
        <translation>{said}.</translation>
    </message>
    <message>
        <source>“{name}” is the layer of your own notes; imported notes go into a layer of their own, so choose another name.</source>
        <translation>«{name}» هي طبقة ملاحظاتك الخاصة؛ تدخل الملاحظات المستوردة في طبقة خاصة بها، فاختر اسمًا آخر.</translation>
    </message>
    <message>
        <source>Cannot import {name}: there is no such file. Nothing was changed.</source>
        <translation>تعذّر استيراد {name}: لا يوجد ملف بهذا الاسم. لم يتغير شيء.</translation>
    </message>
    <message>
        <source>it cannot be read ({reason})</source>
        <translation>تتعذّر قراءته ({reason})</translation>
    </message>
    <message>
        <source>it is more than the {megabytes} MB allowed</source>
        <translation>حجمه أكبر من الحد المسموح به وهو {megabytes} ميغابايت</translation>
    </message>
    <message>
        <source>line {line} is not valid UTF-8</source>
        <translation>السطر {line} ليس بترميز UTF-8 صالح</translation>
    </message>
    <message>
        <source>line {line} is not valid JSON ({problem})</source>
        <translation>السطر {line} ليس بصيغة JSON صالحة ({problem})</translation>
    </message>
    <message>
        <source>it holds a number of {digits:,} digits, more than the {max_digits} allowed</source>
        <translation>يحتوي على عدد من {digits:,} رقمًا، وهذا أكثر من الحد المسموح به وهو {max_digits}</translation>
    </message>
    <message>
        <source>its JSON is nested too deeply</source>
        <translation>تداخل JSON فيه عميق جدًا</translation>
    </message>
    <message>
        <source>it holds {count:,} annotations, more than the {max_annotations:,} allowed</source>
        <translation>يحتوي على {count:,} من التعليقات التوضيحية، وهذا أكثر من الحد المسموح به وهو {max_annotations:,}</translation>
    </message>
    <message>
        <source>it holds more than {max_passages:,} passages</source>
        <translation>يحتوي على أكثر من {max_passages:,} مقطع</translation>
    </message>
    <message>
        <source>it holds no annotations with a quoted passage</source>
        <translation>لا يحتوي على أي تعليق توضيحي بمقطع مقتبس</translation>
    </message>
    <message>
        <source>it holds no annotations with a quoted passage ({reasons})</source>
        <translation>لا يحتوي على أي تعليق توضيحي بمقطع مقتبس ({reasons})</translation>
    </message>
    <message>
        <source>its passages are given only by positions outside this report</source>
        <translation>مقاطعه محددة بمواضع خارج هذا التقرير فقط</translation>
    </message>
    <message>
        <source>Cannot import {name}: {reason}. Nothing was changed.</source>
        <translation>تعذّر استيراد {name}: {reason}. لم يتغير شيء.</translation>
    </message>
    <message>
        <source>it is not a Web Annotation file (expected a JSON object or list)</source>
        <translation>ليس ملف Web Annotation (المتوقَّع كائن JSON أو قائمة)</translation>
    </message>
    <message>
        <source>its collection links to pages elsewhere instead of including them</source>
        <translation>مجموعته تشير إلى صفحات في مكان آخر بدلًا من أن تتضمنها</translation>
    </message>
    <message>
        <source>its “{key}” is not a list</source>
        <translation>«{key}» فيه ليس قائمة</translation>
    </message>
    <message>
        <source>it is not a Web Annotation or Hypothesis file (no annotations, rows or target found)</source>
        <translation>ليس ملف Web Annotation ولا ملف Hypothesis (لم يُعثر على تعليقات توضيحية أو صفوف أو هدف)</translation>
    </message>
    <message>
        <source>its annotation page has no list of items</source>
        <translation>صفحة التعليقات التوضيحية فيه ليس فيها قائمة عناصر</translation>
    </message>
    <message>
        <source>annotation {number} {reason}</source>
        <translation>التعليق التوضيحي {number} {reason}</translation>
    </message>
    <message>
        <source>is not a JSON object</source>
        <translation>ليس كائن JSON</translation>
    </message>
    <message>
        <source>holds a broken character (half of a UTF-16 pair, written as \ud800 to \udfff)</source>
        <translation>يحتوي على محرف مكسور (نصف زوج UTF-16، مكتوب من \ud800 إلى \udfff)</translation>
    </message>
    <message>
        <source>has a note longer than {limit:,} characters</source>
        <translation>فيه ملاحظة أطول من {limit:,} حرف</translation>
    </message>
    <message>
        <source>nests its targets more than {max_depth} deep</source>
        <translation>تتداخل أهدافه لأكثر من {max_depth} مستويات</translation>
    </message>
    <message>
        <source>nests its selectors more than {max_depth} deep</source>
        <translation>تتداخل محدِّداته لأكثر من {max_depth} مستويات</translation>
    </message>
    <message>
        <source>has a TextPositionSelector whose start or end is not a whole number</source>
        <translation>فيه TextPositionSelector بدايته أو نهايته ليست عددًا صحيحًا</translation>
    </message>
    <message>
        <source>has a TextQuoteSelector whose exact, prefix or suffix is not text</source>
        <translation>فيه TextQuoteSelector قيمة exact أو prefix أو suffix فيه ليست نصًّا</translation>
    </message>
    <message>
        <source>quotes more than {max_quote:,} characters</source>
        <translation>يقتبس أكثر من {max_quote:,} حرف</translation>
    </message>
    <message>
        <source>Cannot use {folder} for your notes: {reason}; set READER_DATA_DIR to a folder you can write to.</source>
        <translation>تعذّر استخدام {folder} لملاحظاتك: {reason}؛ اجعل READER_DATA_DIR يشير إلى مجلد يمكنك الكتابة فيه.</translation>
    </message>
    <message>
        <source>Could not read {name} ({reason}); using default preferences.</source>
        <translation>تعذّرت قراءة {name} ({reason})؛ تُستخدم التفضيلات الافتراضية.</translation>
    </message>
    <message>
        <source>The sealed reading position could not be read; reading starts at the beginning.</source>
        <translation>تعذّرت قراءة موضع القراءة المختوم؛ ستبدأ القراءة من البداية.</translation>
    </message>
    <message>
        <source>{name} is damaged; defaults are used.</source>
        <translation>الملف {name} تالف؛ تُستخدم القيم الافتراضية.</translation>
    </message>
    <message>
        <source>{name} was damaged; it was kept as {aside} and defaults are used.</source>
        <translation>كان الملف {name} تالفًا؛ احتُفظ به باسم {aside} وتُستخدم القيم الافتراضية.</translation>
    </message>
    <message>
        <source>Unknown theme “{value}”; choose one of {names}.</source>
        <translation>السمة «{value}» غير معروفة؛ اختر واحدة مما يلي: {names}.</translation>
    </message>
    <message>
        <source>Unknown language “{value}”; choose one of {names}.</source>
        <translation>اللغة «{value}» غير معروفة؛ اختر واحدة مما يلي: {names}.</translation>
    </message>
    <message>
        <source>Cannot save preferences to {path}: {reason}.</source>
        <translation>تعذّر حفظ التفضيلات في {path}: {reason}.</translation>
    </message>
    <message>
        <source>Cannot build the search index in {folder}: {reason}; check the folder.</source>
        <translation>تعذّر بناء فهرس البحث في {folder}: {reason}؛ تحقّق من المجلد.</translation>
    </message>
    <message>
        <source>There is no search index in {folder}; run `field-reader index build` to make one.</source>
        <translation>لا يوجد فهرس بحث في {folder}؛ شغِّل `field-reader index build` لإنشائه.</translation>
    </message>
    <message>
        <source>Cannot open the search index in {folder}: it is damaged; delete the folder to rebuild it.</source>
        <translation>تعذّر فتح فهرس البحث في {folder}: إنه تالف؛ احذف المجلد لإعادة بنائه.</translation>
    </message>
    <message>
        <source>A search index built on disk is read-only; rebuild it with `field-reader index build`.</source>
        <translation>فهرس البحث المبني على القرص للقراءة فقط؛ أعد بناءه بالأمر `field-reader index build`.</translation>
    </message>
    <message>
        <source>{count:,} {things} skipped</source>
        <translation>تُخطِّي من {things}: {count:,}</translation>
    </message>
    <message>
        <source>{count:,} {things} left out (a Choice keeps one)</source>
        <translation>تُرك من {things}: {count:,} (يُبقي Choice واحدًا فقط)</translation>
    </message>
    <message>
        <source>{count:,} {things} skipped (no passage in it)</source>
        <translation>تُخطِّي من {things}: {count:,} (لا مقطع فيها)</translation>
    </message>
    <message>
        <source>video body</source>
        <translation>أجسام الفيديو</translation>
    </message>
    <message>
        <source>video bodies</source>
        <translation>أجسام الفيديو</translation>
    </message>
    <message>
        <source>sound body</source>
        <translation>الأجسام الصوتية</translation>
    </message>
    <message>
        <source>sound bodies</source>
        <translation>الأجسام الصوتية</translation>
    </message>
    <message>
        <source>image body</source>
        <translation>أجسام الصور</translation>
    </message>
    <message>
        <source>image bodies</source>
        <translation>أجسام الصور</translation>
    </message>
    <message>
        <source>dataset body</source>
        <translation>أجسام مجموعات البيانات</translation>
    </message>
    <message>
        <source>dataset bodies</source>
        <translation>أجسام مجموعات البيانات</translation>
    </message>
    <message>
        <source>body that is only a link</source>
        <translation>الأجسام التي ليست سوى روابط</translation>
    </message>
    <message>
        <source>bodies that are only links</source>
        <translation>الأجسام التي ليست سوى روابط</translation>
    </message>
    <message>
        <source>body without text</source>
        <translation>الأجسام الخالية من النص</translation>
    </message>
    <message>
        <source>bodies without text</source>
        <translation>الأجسام الخالية من النص</translation>
    </message>
    <message>
        <source>alternative body of a Choice</source>
        <translation>الأجسام البديلة في Choice</translation>
    </message>
    <message>
        <source>alternative bodies of a Choice</source>
        <translation>الأجسام البديلة في Choice</translation>
    </message>
    <message>
        <source>target naming a whole page</source>
        <translation>الأهداف التي تشير إلى صفحة كاملة</translation>
    </message>
    <message>
        <source>targets naming a whole page</source>
        <translation>الأهداف التي تشير إلى صفحة كاملة</translation>
    </message>
    <message>
        <source>target selected by an SVG shape</source>
        <translation>الأهداف المحددة بأشكال SVG</translation>
    </message>
    <message>
        <source>targets selected by SVG shapes</source>
        <translation>الأهداف المحددة بأشكال SVG</translation>
    </message>
    <message>
        <source>target selected by CSS</source>
        <translation>الأهداف المحددة بمحدِّدات CSS</translation>
    </message>
    <message>
        <source>targets selected by CSS</source>
        <translation>الأهداف المحددة بمحدِّدات CSS</translation>
    </message>
    <message>
        <source>target selected by XPath</source>
        <translation>الأهداف المحددة بتعبيرات XPath</translation>
    </message>
    <message>
        <source>targets selected by XPath</source>
        <translation>الأهداف المحددة بتعبيرات XPath</translation>
    </message>
    <message>
        <source>target selected by a fragment</source>
        <translation>الأهداف المحددة بمعرِّفات الأجزاء</translation>
    </message>
    <message>
        <source>targets selected by fragments</source>
        <translation>الأهداف المحددة بمعرِّفات الأجزاء</translation>
    </message>
    <message>
        <source>target selected by byte positions</source>
        <translation>الأهداف المحددة بمواضع البايتات</translation>
    </message>
    <message>
        <source>targets selected by byte positions</source>
        <translation>الأهداف المحددة بمواضع البايتات</translation>
    </message>
    <message>
        <source>target whose selector is only a link</source>
        <translation>الأهداف التي ليست محدِّداتها سوى روابط</translation>
    </message>
    <message>
        <source>targets whose selectors are only links</source>
        <translation>الأهداف التي ليست محدِّداتها سوى روابط</translation>
    </message>
    <message>
        <source>target with a selector this app cannot read</source>
        <translation>الأهداف ذات المحدِّدات التي لا يستطيع هذا التطبيق قراءتها</translation>
    </message>
    <message>
        <source>targets with selectors this app cannot read</source>
        <translation>الأهداف ذات المحدِّدات التي لا يستطيع هذا التطبيق قراءتها</translation>
    </message>
    <message>
        <source>alternative target of a Choice</source>
        <translation>الأهداف البديلة في Choice</translation>
    </message>
    <message>
        <source>alternative targets of a Choice</source>
        <translation>الأهداف البديلة في Choice</translation>
    </message>
    <message>
        <source>target whose position is outside this report</source>
        <translation>الأهداف التي تقع مواضعها خارج هذا التقرير</translation>
    </message>
    <message>
        <source>targets whose positions are outside this report</source>
        <translation>الأهداف التي تقع مواضعها خارج هذا التقرير</translation>
    </message>
    <message>
        <source>{count:,} {things}</source>
        <translation>{things}: {count:,}</translation>
    </message>
    <message>
        <source>your notes and highlights, imported layers and tags</source>
        <translation>ملاحظاتك وتظليلاتك، والطبقات المستوردة والوسوم</translation>
    </message>
    <message>
        <source>every backup of them</source>
        <translation>كل نسخها الاحتياطية</translation>
    </message>
    <message>
        <source>the reading position and window layout</source>
        <translation>موضع القراءة وترتيب النافذة</translation>
    </message>
    <message>
        <source>the search index and page caches</source>
        <translation>فهرس البحث والنسخ المؤقتة للصفحات</translation>
    </message>
    <message>
        <source>the privacy lock and its passphrases</source>
        <translation>قفل الخصوصية وعبارات المرور الخاصة به</translation>
    </message>
    <message>
        <source>is not a sealed Field Reader file</source>
        <translation>ليس ملفًا مختومًا من Field Reader</translation>
    </message>
    <message>
        <source>is damaged, or was sealed with another key</source>
        <translation>تالف، أو خُتم بمفتاح آخر</translation>
    </message>
</context>
</TS>
