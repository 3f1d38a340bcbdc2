"""The floors of the scorer on the development parts (never the test part), each just under what
bench/report_text.py measured, and why each part stands where it does (tests/text/test_dev_scores.py checks them).

* ``dev`` (27 files, written with the parser): 1.00 for items, units and directives, 0.973 for the unit a directive
  is about (one request shares a single word with its item);
* ``dev_b`` (16 files, written independently, scored once as the test part in session 4 at 0.92/0.84/0.90/0.76,
  then tuned on in session 5): 1.00 on all four;
* ``dev_c`` (17 files, written independently, scored once as the test part in session 5 at items P 0.92 R 0.66,
  units 0.89/0.64, directives 0.98/0.75, directive units 0.85/0.65; tuned on in session 6 to items 0.98/0.96, units
  0.97/0.95, directives 1.00/1.00, directive units 0.97/0.97): floors 0.94/0.93/0.95/0.95;
* ``dev_d`` (19 files, written independently, scored once as the test part in session 6 at items 0.94/0.92, units
  0.91/0.89, directives 0.98/0.85, directive units 0.89/0.77; tuned on in session 7 to items 0.98/0.97, units
  0.96/0.95, directives 0.98/1.00, directive units 0.93/0.95): floors 0.95/0.94/0.96/0.92;
* ``dev_e`` (19 files, written independently, scored once as the test part in session 7 at items 0.96/0.78, units
  0.93/0.76, directives 0.96/0.87, directive units 0.85/0.77; tuned on in session 8 with general rules — label
  families, findings of none, counted units, listed problems, clause-by-clause directives, hand-off tables — to
  items 0.99/0.97, units 0.99/0.97, directives 0.98/1.00, directive units 0.97/0.98): floors 0.95/0.95/0.96/0.96.
  The same rules moved dev_c to items 0.98/0.98, units 0.97/0.97 and dev_d to items 0.98/0.98, units 0.97/0.96.
* ``dev_f`` (20 files, written independently, scored once as the test part at items 0.86/0.77, units
  0.85/0.76, directives 1.00/0.88, directive units 0.90/0.79; then tuned on with general rules — 关于…的问题。
  整改情况：… rectification reports, plans after 下一步, tallies (截至…共有…), A不A questions, numbered cases under
  a “…问题。” title, a letter's addressee asked by 请…, requests citing problems by label (底稿01、底稿02：…), a
  partner counted with its subject, a township's own body under a village, the office's own shortcomings — to items
  1.00/0.97, units 1.00/0.97, directives 1.00/1.00, directive units 1.00/1.00): floors 0.95/0.95/0.97/0.97.
  The other parts did not move. In session 13 (H69, tuning dev_z) the same-supplier wording (慰问品采购找的都是同一
  家商户) raised its items and units to 1.000/0.989: floors 0.95/0.95 -> 0.98/0.98.
* ``dev_g`` (20 files, written independently, scored once as the test part at items 0.99/0.83, units 0.96/0.81,
  directives 0.98/0.85, directive units 0.93/0.81; then tuned on in session 7 with general rules — a ；-entry told
  without a problem word, a problem added by 以及, any negated verb (未启动), a section label over a list (X方面：…),
  two long problems before 等问题, the unit a closing 以上问题，X要… names, a table cell holding a unit's name, a
  village a problem only touches (涉及Y村), a bare short name of a unit named in full (残联), a township locating its
  village (X乡那边，Y村…), a receiver asked later in its sentence (移交X…，请…), requests without a modal (抓紧对…进行
  督导) or after 建议：, codes cited (编号NC-06-02线索…), and marker families of any kind — to items 1.00/0.95, units
  1.00/0.95, directives 1.00/1.00, directive units 1.00/1.00): floors 0.94/0.94/0.97/0.97. Its writer splits two
  problem clauses joined by a comma (A管理混乱，B管理不严) where the other six parts' writers keep them as one: the
  eight items so split are left missed (cutting such clauses costs more precision on every other part than it gains).
  dev_f rose to items 1.00/0.98, units 1.00/0.98 with the same rules; the other parts did not move.
* ``dev_h`` (20 files, written independently, scored once as the test part at items 0.89/0.81, units 0.87/0.79,
  directives 0.91/0.83, directive units 0.86/0.78 — precision fell as well as recall; then tuned on in session 9 with
  general rules — tab-separated lines of a .txt read as a table by its header, a 涉及村：A村、B村。 sentence naming the
  units of the problem before it, any bracket pair around an ordinal (〔1〕 ［一］) and the typeset ⒈ ⑴–⒇ ①–⑳
  families, a title under the issuer's line naming the unit inspected, a form's problem field (反映内容：, 具体表现：)
  as an item whatever its words, office idioms (说了算, 不团结, 推诿扯皮, 一转了之, 重X轻Y), a line saying only who
  acts (办理建议：由X核查 / 转X按程序处置), X请…提供, 由X牵头，会同Y, and a request about a redacted unit or about
  several counted problems naming no unit — and the clause classifier's veto (loaders/text/classifier.py) — to items
  0.99/0.97, units 0.99/0.97, directives 0.97/0.97, directive units 0.95/0.95): floors 0.96/0.95/0.95/0.93.
  Left missed: a problem told as a fact in a sentence of its own (…也未发现合同比例超付), a helper asked through
  X要会同Y (the other parts' writers mean Y only helps), one request about two problems at two units (one directive
  is found, two are expected), discipline rules for the inspection teams themselves (巡察组要严格遵守…) taken as
  directives. The other parts did not move except dev_c (items P 0.98 → 0.99) and dev_d (items P 0.98 → 0.99, units
  P 0.97 → 0.98), both from the veto (in-sample: its weights are trained on all eight dev parts).
* ``dev_i`` (21 files, written independently, scored once as the test part at items 0.98/0.88, units 0.95/0.86,
  directives 0.94/0.83, directive units 0.77/0.68 — precision held, recall and the directive's unit fell; then tuned
  on in session 10 with general rules — a list announced by a colon and cut at ； (问题主要有三：A；B；C。, 具体有以下
  几个问题：…) one item per entry, a record's 约谈对象：/检查对象： field and a record's title (…巡察组与X交换意见记录)
  naming its unit, question-and-answer records (问：… findings, 答：… skipped, 请说明情况 a question, a line ending
  in ？ no heading), X下属 an unnamed subordinate making X the unit at fault, a body asked at its clause's start
  (…，由X督促… / …线索，移交X依规处置 / 建议：X会同… / 由X处理，Y跟踪督办), a stationed group named under its
  commission, 请其作为行业主管部门, a request about a class of units (整改不力单位的…) about no one unit, a spoken
  topic (X的事，Y要…) naming the unit a request is about — and the clause classifier retrained on nine parts — to
  items 0.99/0.97, units 0.99/0.96, directives 0.97/0.98, directive units 0.93/0.95): floors 0.95/0.95/0.95/0.91.
  Left missed: see the session report (comma-joined facts told without a problem word, a stationed group's unit the
  writer leaves open, a copy-to list taken as the request's units). The other parts did not move.
* ``dev_j`` (19 files, written independently, scored once as the test part at items 0.99/0.88, units 0.98/0.87,
  directives 1.00/0.93, directive units 0.92/0.86 — precision held, recall fell; then tuned on in session 11 with
  general rules — deviations told without a problem word (没几条, a count + 没, 没 + a verb, 无实质进展, 存入个人账户,
  超付, 混入, ranked at the bottom, found again 又被查出, a long 存在…的问题), 还要 inside a clause no modal, a bare lead
  announcing ；-entries (具体讲：, 主要是：), the formal numerals and the stems as ordinal families (（壹）, 甲、) and
  more inline families (第一件事, Ⅰ, 一）), a village opening its own clause under a township's self-reference, X作为…，
  对Y… making Y the object, a unit named after 巡察 or before 上轮反馈的 the one inspected; a request about a problem
  one sentence told of two units (one directive each), 对A…、B…等问题线索, 对X问题，由<body>… a request, a section
  cited by its heading's words, an entry cited by its number in any family (第（伍）件), a body following up after
  the request (…，县委巡察办跟踪问效), 请各X…, and a heading naming several units giving a request none — to items
  1.00/0.97, units 0.99/0.97, directives 1.00/1.00, directive units 0.98/0.98 by the rules with the nine-part
  classifier; 1.00/1.00, 0.99/0.99, 1.00/1.00, 0.98/0.98 once the classifier is retrained on all ten parts
  (in-sample: its four vetoed items are its own training clauses)): floors 0.97/0.96/0.97/0.96. The same rules,
  with a partner counted with its subject (与X…，两家都/两村均/两头), a request about listed problems of several
  units (对A、B问题…, one directive each) and a withheld name (一个单位（名称已隐去）), moved dev_c (items R 0.983 →
  0.989), dev_d (0.978 → 0.994), dev_e (0.974 → 0.987), dev_h (items 0.975 → 0.988, units P/R 0.987/0.969 →
  0.994/0.988, directives R 0.967 → 0.983) and dev_i (items R 0.970 → 0.982); no part lost.
* ``dev_k`` (20 files, written independently, scored once as the test part at items 1.00/0.85, units 0.92/0.78,
  directives 0.85/0.85, directive units 0.67/0.67 — precision of directives and the directive's unit fell with recall;
  then tuned on (brief H31) with general rules — a register typed as dash-joined fields under a line naming them
  (单位—问题—移交对象) read as a table, a requirement's topic (针对X的问题，要…) stating its problem, a request counting
  every unit found (对6个单位…) about none, a numbered ；-entry ending the request before it, a form's request field
  (督办要求：) about the matter field above it, the inspectors' own conduct (巡察组要做到…) and a headline request the
  next sentence spells out no hand-offs, a spoken matter (X的事，也请Y…) naming what a request is about,
  抄告…作为行业主管部门, 研处, 查明, two counted townships, a township's own body after 巡察还发现, a special
  inspection's first listed object for problems naming no unit, and office wording (丢失, 无…签字, 超过…上限, 偏高,
  随意, 轮流坐庄, 先施工后议事, N个村…，分别是A和B), a new finding after 但…发现 — and the classifier retrained on all
  eleven parts — to items 1.00/0.99, units 0.97/0.96, directives 0.98/1.00, directive units 0.95/0.97): floors
  0.97/0.94/0.97/0.94. Left missed: its writer gives fb_xinshui_fujian's 注4–注9 villages the text never names (5 units,
  1 item, 1 directive unit), a unit inferred from the problem's field (农业产业项目 → 县农业农村局), a request about two
  hospitals' problems the writer sets at the bureau (dev_h's writer sets such a request at each unit). dev_h moved
  (directives P 0.967 → 0.983, directive units P 0.951 → 0.967), and the retrained classifier moved dev_b (items P 1.000
  → 0.994) and dev_g (items R 0.951 → 0.944); no floor crossed.
* ``dev_l`` (20 files, written independently for the ordinary forms offices use most, scored once as the test part
  at items 0.99/0.95, units 0.95/0.91, directives 0.98/1.00, directive units 0.87/0.89; then tuned on (brief H34)
  with general rules — 该村/该局 after a problem at a village or bureau meaning that unit rather than the heading's
  township, a feedback report's object named with a long inspection name (对X党组开展了…专项巡察), a feedback
  report's request about 村级… (in a village's own report) or about a contractor (施工单位) being about its inspected
  unit, cited items said to concern one township (其中第4项和第5项涉及X乡) giving one request about it, 停留在“…”层面,
  a praising paragraph that turns (…取得了明显成效。但…) keeping the findings after the turn, a ledger row done
  (整改状态: 已完成) stating no problem no item — and the classifier retrained on all twelve parts — to items
  1.00/0.98, units 0.99/0.97, directives 1.00/1.00, directive units 0.96/0.96): floors 0.96/0.95/0.97/0.95.
  Left missed: a second problem joined by a comma in one sentence (…先施工后招标问题，工程结算审核把关不严), a
  unit's own problem opening its requirement paragraph (X党委对…存在薄弱环节，要…),
  a speech's problem said as 必须引起高度重视, villages said only to have 暴露出不少问题 under 乡党委…, and two
  requests whose writer sets no unit where the parser links a problem of the sentence before. The other parts did
  not move (the retrained classifier at the same veto 0.374 changes no other part).
* ``dev_m`` (18 files, written independently for the ordinary forms offices use most, scored once as the test part
  at items 0.94/0.91, units 0.92/0.89, directives 0.98/0.96, directive units 0.94/0.92; then tuned on (brief H36)
  with general rules — a review-of-rectification table (反馈问题 | 整改现状) stating what is still wrong, a
  rectification count (共收到反馈问题N个，已完成整改N个) no problem, a township's own body failing at its village
  (镇农经站对Y村…) leaving the village out, a village opening a problem under its township (Y村…群众反映强烈，镇党委
  没有及时处置) at fault, an entry headed by a withheld name ((五)XX村。…), some units unnamed (个别单位…) after a
  named entry, a request over every unit of a kind (对各公立医院…) or a kind of conduct (对…的，…问责) about no unit,
  the body another helps (请乡纪委配合县纪委监委…) asked, a letter's 建议/请 asking its addressee unnamed — and the
  classifier retrained on all thirteen parts — to items 1.00/0.97, units 1.00/0.97, directives 0.98/1.00, directive
  units 0.98/1.00): floors 0.96/0.96/0.96/0.96.
  Left missed: two problems of one unit joined by a comma in one sentence (社区矫正对象监管存在漏洞，人民调解员…
  发放不规范: 4 items; a trial split of such sentences cost 1–13 points of items precision on every other part, whose
  writers take them as one problem), and a mobilisation speech's 各巡察组对这些问题要重点关注 taken as a hand-off.
  No other part moved.
* ``dev_n`` (21 files, written independently for the ordinary forms offices use most — 整改台账/问题清单 tables, 通报
  naming several units, 交办函 — scored once as the test part at items 0.94/0.94, units 0.94/0.94, directives
  1.00/0.98, directive units 0.96/0.94, precision the weaker side; then tuned on (brief H40) with general rules —
  sentences naming no finding (a turn announcing that problems exist: 但…仍存在一些不容忽视的问题; a speaker's aside
  我插一句，…; a summing-up 从以上情况看，…; a spoken topic 再说X乡。), a short summary opened by an ordinal word
  (首先，A不够深入。) opening its detail, 移交不清 a problem rather than a hand-off reported, wording 有点松, 长期在外,
  照发不误, 仍在享受, a review table's 核查情况 column saying what is still there (仍由…) giving the old problem with
  its standing, (一是)由X牵头，会同相关Y asking Y, 该乡/该局 in a request meaning the document's unit of that kind,
  a sentence opening on a problem (对X问题，建议A…；请B…) making each of its requests about X — to items 1.00/0.98,
  units 1.00/0.98, directives 1.00/1.00, directive units 0.98/0.98): floors 0.96/0.96/0.97/0.96.
  Left missed: a second problem joined by a comma (…未及时上缴国库，执法人员以个人身份…), a township's slackness
  and its village's problem in one sentence the writer splits into two items (镇党委抓…有点松，Y村书记长期在外…;
  乡对Y村合作社监管缺失，合作社负责人私自…) where dev_j's and dev_c's writers keep one, and a request for a field's
  专项整治 the parser links to a problem sharing its words. No other part moved.
* ``dev_o`` (20 files, written independently for the ordinary forms offices use most — 整改方案 tables, a report on
  共性问题 across five units, feedback to a school, a hospital and a township with its 站所, a speech, a 回头看 report —
  scored once as the test part at items 1.00/0.72, units 0.80/0.58, directives 0.92/0.82, directive units
  0.80/0.72; then tuned on (brief H43) with general rules — a 一是… list set one entry per paragraph read as a list
  in every paragraph (二是… after 一是…), in a feedback report a regulator's county-wide check and a stationed group's
  follow-up about the inspected unit, 建议县X部门作为行业主管部门 asking even a department outside the register, a
  body's own office (…室要…) the body asked, 邀请/聘请 a body asking it nothing, 串通/围标 problem words — to items
  1.00/0.76, units 0.77/0.58, directives 0.94/0.86, directive units 0.89/0.81): floors 0.74/0.56/0.84/0.78.
  Left missed, by cause: of 37 items, the writer's split of a sentence into two problems (，/、: 23; a split of
  ，-clauses each stating a whole problem cost pooled items F1 0.981 → 0.959–0.975 over all parts, so it was
  dropped), one problem at several units (10), examples in a mobilisation speech (比如…, 3), a paragraph naming no
  unit (1); of 28 wrong units on found items, 27 the text never ties to the problem (a report on 共性问题 or a
  round listing its units and then each problem with none: 20; villages the writer took from the register: 7);
  requests over 上述问题线索 the writer counts once per unit, where other parts' writers count one (这三个单位
  per unit since session 11). No other part moved.

* ``dev_p`` (24 files, written independently for a year's ordinary documents in their usual proportions, scored
  once as the test part at the end of session 9 at items 0.98/0.93, units 0.95/0.90, directives 0.95/0.97,
  directive units 0.85/0.87; opened for tuning in session 10): tuned by H45 to items 1.00/0.94, units 0.97/0.91,
  directives 0.98/0.97, directive units 0.92/0.90 — a round's overview announcing weak points, a special
  inspection's objects listed as 对A、B开展…, procedural reminders and past deeds of bodies, 该校, a request after its
  entry's problem. Left missed: ten problems joined by a comma to another in one sentence that this writer counts
  apart (林长制落实不到位，…记录造假 it counts as one — no wording tells the two apart; a split cost 20 false
  items), a problem whose units the text never names (此外，…均存在…), units of a special inspection the writer
  took from the register, X要会同Y… asking Y (other writers: Y only helps); 对两个单位 per unit is read since
  session 11.

* ``dev_q`` (22 files, written independently for a year's ordinary documents in another office's habits, scored once
  as the test part in session 10 at items 0.99/0.93, units 0.98/0.92, directives 0.97/0.97, directive units
  0.86/0.86; opened for tuning in session 10): tuned by H49 to items 1.00/0.98, units 1.00/0.98, directives
  0.98/1.00, directive units 0.93/0.95 — 该乡 under village headings, a starred short name (*林场) withheld, problem
  words (不正常, 无A、无B, 跑冒滴漏, 亲属承包), acts set side by side in a short sentence, a finding after a list of
  what to look at, an overview pointing to the table below, 请X局、Y局等行业主管部门 and 予以关注 asked, several
  regulators asked about no unit, 整改进度/未完成事项 stock words, the inspectors' way of working (深入基层) no
  task. Left missed: three problems joined by a comma to another (…台账缺失，部分牛羊去向不明 — see dev_p),
  X局等行业主管部门要举一反三 about X's own problem (others: not about itself), a regulator checking the whole
  county after a feedback report (others: about the inspected unit); 巡察组要重点了解… counted as no request and
  各行业主管部门要针对X… about the unit of X are read since session 11.

* ``dev_r`` (22 files, written independently outside the repository for a year's ordinary documents, scored once as
  the test part at the end of session 10 at items 0.99/0.98, units 0.98/0.97, directives 0.96/0.98, directive units
  0.89/0.91; its writer counts two problems joined by a comma as one item; opened for tuning in session 11): tuned
  by H52 to items 0.99/1.00, units 0.99/1.00, directives 1.00/1.00, directive units 0.98/0.98 — a regulator's
  duties named with another (履行国资监管和行业主管部门职责), a body said to have led what was done (由X牵头，…进行了
  巡察) asked nothing, 会同X乡党委 about the township, a field of work (X领域问题) in a round report about none,
  villages named only for their known problems (乡党委…，A村、B村的问题都是老问题), two withheld units in one
  sentence, 后腿 and 为特定…提供便利 as problem words, units joined to a failing's object (X乡对A村、B村…) objects
  too; pooled with the other parts' misses of a directive's unit: a count pointing back (这三个单位) or equal to a
  label's units (关于A和B：…两个单位) per unit, 作为X的行业主管部门 about X, receivers of a result (抄送…) not what it
  is about, 到位 a stock word, a ；-clause opening on a unit told to act itself not part of the request before, the
  inspectors asked only to look into what they heard (巡察组要重点了解/抓紧核实) no task, several regulators in a
  feedback report about its unit, a kind of unit (对学校…) the one of that kind, a withheld unit beside a named one
  (对A村、XX村…) a second directive, 各行业主管部门要针对X… about X's unit (pooled directive's unit over the
  eighteen parts 0.957/0.957 -> 0.975/0.974). Left missed: a settled row
  of a review of rectification (已完成清退，整改到位) the writer counts as no finding (the kept behaviour, tested in
  test_rectification_ledgers, keeps the old problem), a regulator asked about the whole county named as an
  inspected unit (县水利局作为行业主管部门，要对全县…) the writer counts as about itself (most writers: about none).
  Floors raised later in session 11 from 0.97/0.97/0.97/0.95 to 0.98/0.98/0.98/0.96 (measured the same after dev_s's rules
  and the classifier retrained on nineteen parts).

* ``dev_s`` (20 files, written independently outside the repository for a year's ordinary documents, scored once
  as the test part in session 11 at items 1.00/0.97, units 0.99/0.96, directives 0.93/0.97, directive units
  0.90/0.93; opened for tuning in session 11): tuned by H56 to items 1.00/1.00, units 1.00/1.00, directives
  1.00/1.00, directive units 0.98/0.98 — a past deed after its warrant (按照县委安排，6月，县委巡察办组织…开展…) and
  the inspectors asked to look deeper (巡察组要深入了解) asked nothing, 请X会同Y asking both bodies, a letter's
  以上线索请于…反馈… asking its addressee, a field of work named by its own paragraph's problem (关于X局：…采砂…；纪委监委
  要对采砂领域的问题线索…) that unit's, 由…亲属担任 and 勾连 as problems, a unit after 被 (被市X局检查通报) not at
  fault, a short finding that skipped a step (…未经村民会议表决。) or a category lead-in with its first finding no
  summary title, 该集团 the latest group named, the title telling a document's kind first (…的通报 quoting 反馈意见:
  a report; 反馈问题清单: feedback); its in-sample veto let 压得不实 through once the classifier was retrained on it.
  Left missed: 县住建局要切实履行行业主管部门职责，把全县…排查一遍 in a section on that bureau, which this writer (as
  dev_r's) counts as about the bureau itself and most writers as about none. Floors 0.98/0.98/0.98/0.96.

* ``dev_t`` (20 files, written independently outside the repository for a year's ordinary documents, scored once
  as the test part at the end of session 11 at items 0.94/0.91, units 0.93/0.90, directives 0.98/0.97, directive
  units 0.95/0.93; opened for tuning in session 12): tuned by H59 to items 1.00/0.99, units 1.00/0.99, directives
  1.00/1.00, directive units 1.00/1.00 — a review of rectification's table column of what the review found
  (“回头看”发现的问题, 复查发现) the row's standing beside its old problem, a count of a named kind opening a problem
  (三个村发展党员程序不规范, without 都) each unit of that kind found before, units listed as having a problem
  (延伸检查发现，A医院、B保健院存在…问题，该局…) at fault though a later clause blames the inspected unit, a request
  counting departments (两个部门) about the county departments and not a township inspected with them, a letter's
  bare 请于…将处置情况反馈… a report-back line asking nothing (以上线索请于…反馈 still asks, as on dev_s), a sentence
  with some cadres as its subject (局机关个别干部兼任…) a finding, a lesson drawn from the problems before
  (这些问题都说明…) no finding. Left missed: 另外，两个单位整改报告存在虚报… after a table of four units — the text
  never says which two (the writer's own knowledge), and an unnumbered paragraph naming no unit is no item by
  design. No other part moved; the classifier retrained on all twenty parts moved none (leave-one-part-out over
  twenty parts: pooled items F1 rules 0.975, veto 0.982; units 0.962, 0.969). Floors 0.98/0.98/0.98/0.98.

* ``dev_u`` (22 files, written independently outside the repository for a year's ordinary documents, scored once
  as the test part at the start of session 12 at items 0.98/0.96, units 0.97/0.95, directives 0.95/0.92, directive
  units 0.91/0.88 — the parser as session 11 left it; H59's rules for dev_t did not move it): tuned by H61 to items
  0.99/1.00, units 0.99/0.99, directives 0.97/0.98, directive units 0.95/0.97 — a bulletin opening with the count of
  problems fed back (…反馈问题共158个。截至…，已完成整改141个) a tally, a paragraph numbered 1. holding its list
  inline (1.A。2.B。) one item per entry, problem words 空泛, 只报不改 and …中有3名为村干部亲属, a request citing
  entries by numbers joined (第1、4件) about each, a body copied in and then asked (已抄送X，请X…) asked once, the
  regulator's role told before its name (作为…的行业主管部门，县X局要督促A乡、B乡…) asking X about each, 有个问题要特别
  指出，… no request, a township's 村级巡察 the finder and not at fault, a time clause between a body and its modal
  (巡察组进驻后，要…) still asking it. Left missed: 石山乡、河河乡部分村组多次停水 in a report on the water group,
  places the writer does not count as at fault (one extra item, two wrong units: a chain of townships before
  部分村组 in one writer's one sentence); 驻县教育局纪检监察组和…派驻第六纪检监察组要分别盯紧驻在单位… (the sixth
  group's host is the writer's knowledge); a speech's generic 纪检监察机关和组织部门要把整改纳入日常监督 in a list of
  duties, which this writer counts as no request (dev's writer counts 纪检监察机关要… naming a problem). Pooled over
  the parts, what remains of a directive's unit is mostly where writers split: a regulator's county-wide request
  (about none, itself, what it regulates or the inspected unit) and the inspectors' own conduct (各巡察组要坚持…/
  要严守…: a request to most writers, none to dev_e's, dev_h's and dev_o's, and once each way to dev_p's). No other
  part moved. The classifier was not retrained: leave-one-part-out over twenty-one parts gave pooled items F1 rules
  0.976, veto 0.981 (units 0.964, 0.969), and on the twenty parts before dev_u veto 0.981 against 0.982 with the
  twenty-part weights. Floors 0.99/0.98/0.96/0.95. In session 13 (H74, tuning dev_ab) the 分别 reading (bodies asked
  severally each have their directive; 驻在单位 a stationed group's own host) raised its directives to 0.968/1.000 and
  directive units to 0.952/0.983 (the sixth group's host still unknown to the text); floors unchanged.

* ``dev_v`` (21 files, written independently outside the repository, an office's ordinary year in its own habits,
  scored once as the test part in session 12 after the rules for dev_t at items 0.96/0.96, units 0.91/0.91,
  directives 0.98/0.97, directive units 0.93/0.92): tuned by H64 in session 12 to items 0.975/0.981, units
  0.969/0.975, directives 0.983/1.000, directive units 0.950/0.966 — a bulleted short line over a numbered list
  (■县X局 / 1.…, or a lead ending in a colon before it) heads that list (headings.py, split out of items.py), an
  inline entry naming no unit that asks one in its own words (三是…趴在账上。县Y社要尽快…) at that unit rather than
  the entry before's (attribution.py and problem_split.py, split out of itemize.py), 发挥了积极作用 praise, problem
  words 不同步 and a partial recovery (只追回了三成, 仅收回了一半), a failing opening on 对 before a body is asked
  (对村级监督基本空转，…，镇纪委要反思) a problem and not a request's topic; and, on H61's note for dev_u, units
  joined by 、/和 sharing the words after the last (A乡、B乡部分村组多次停水: a place, not the units at fault; dev_u
  units 0.988/0.994 -> 1.000/1.000). Left missed: two findings the shipped classifier vetoes (…对巡察组调阅资料推三
  阻四; 十六届县委第二轮巡察反馈的执法案卷不规范问题仍有反弹 — the rules find both); a petition count in a mobilization
  speech (据县信访局统计，反映县一中、县二中违规补课的信访件已有15件: three extra items and a directive — the coming
  round's focus, not a finding, but no other writer's part has the form); a village's facility named as the
  township's example (长河村茶叶加工厂就是典型 / …仍未找到运营主体: the same facility in two of this writer's
  documents; whether the village or the township is at fault is the writer's knowledge); 非煤矿山安全隐患要引起高度
  重视 in a speech, a problem written as a request; two directives' units where writers split (县教育局要履行行业主管
  部门职责，对全县中小学… about none or the school before; 县委巡察办要对整改销号… about none). Floors
  0.97/0.96/0.98/0.94.

* ``dev_w`` (21 files, written independently outside the repository, another office's ordinary year, scored once
  as the test part in session 12 after the rules for dev_t and dev_u at items 0.96/0.96, units 0.94/0.94,
  directives 1.00/0.95, directive units 0.97/0.92; not tuned on yet, but read for the pooled causes in session 12):
  H64's rules moved its precision only — items 0.963 -> 0.987, units 0.939 -> 0.962 — a notice's scope of
  complaints taken (巡察组主要受理反映县X局党组领导班子…的来信来电来访, a report cue: dev_v's writer wrote it too),
  units making quick progress (整改进展较快) praised, 未发生违反工作纪律的情况 a finding of none. Session 13 (H67, on
  its pooled directive misses beside dev_x's): a hand-over letter's request citing its numbered matters inside the
  request (请县纪委监委重点关注第1、第3件线索) and a regulator asked to 配合 the inspected unit (县卫生健康局要履行行业
  主管部门职责，配合县医保局…; 县农业农村局作为行业主管部门，要配合县市场监管局…: about that unit) raised directives to
  1.000/0.985 and directive units to 1.000/0.985; left, the letter's bare 请于三个月内将处置结果书面反馈 (a directive to
  this writer and dev_x's, none to dev_t's) and the items of a clause list one sentence holds (…奖金，公务用车使用登记
  不全; A、B等问题 — one item to most writers). Floors items and units unchanged, directives 0.95 -> 0.98, directive
  units 0.92 -> 0.98.

* ``dev_x`` (22 files, written independently outside the repository, another office's ordinary year, scored once
  as the test part at the end of session 12 after the rules for dev_t, dev_u and dev_v at items 0.99/0.96, units
  0.99/0.96, directives 1.00/0.95, directive units 0.96/0.91): tuned by H67 in session 13 to items 0.994/0.994,
  units 0.988/0.988, directives 1.000/0.982, directive units 1.000/0.982 — a hand-over letter's request citing its
  numbered matters inside the request (请对第1、3项线索依规依纪依法进行处置) or just before 请 (第4项线索请指导新水镇
  纪委办理) is about those entries' units, one directive each (directives.py, asking.py; dev_w's writer too); a
  regulator told to 督促各X (各中小学) asks about none, as 对各X did; what a 回头看 report's two units share (两个单位
  共性的问题是…; dev_y's 两单位均存在…) is at each of them (counted_units); 反映比较集中 a problem word beside 反映强烈;
  a problem whose sentence tells units joined by 、 to act (…，县交通运输局、石阳乡要一起拿出办法) at each of them;
  既有X的问题，也有Y的问题 two problems (clauses.py). Left missed: the letter's bare 请于三个月内将办理结果书面反馈
  (writers split: dev_w's counts it, dev_t's does not — counting it would add an extra on dev_t and lower the pooled
  precision); a memo's item naming no unit whose unit is the writer's knowledge (罚没食品去向不明, the market
  regulator's); A、B等问题 as an item for each (most writers count one); an unnumbered 此外… reflection the writer did
  not count; a public summary read as a speech. Floors 0.98/0.98/0.98/0.98.

* ``dev_y`` (21 files, written independently outside the repository, another office's year in its own habits,
  scored once as the test part at the start of session 13 with the parser as session 12 left it, at items 0.97/0.96,
  units 0.96/0.95, directives 1.00/0.98, directive units 0.98/0.96; read, not tuned on, by H67 in session 13 for
  the pooled misses): a matter named just before 请 and its body (县一中食堂问题请纪委监委在30日内…) the request's
  topic, a body told to 做好初核 without a modal asked (派驻第四纪检监察组对市场监管局线索做好初核), 两单位均存在…
  at both units and 出现回潮 a problem word raised it to items 0.967/0.980, units 0.961/0.974, directives
  1.000/1.000, directive units 1.000/1.000. Left: a finding the shipped classifier vetoes (党委书记履行第一责任人职责
  不到位, p 0.28 < 0.374; weights retrained with dev_w…dev_y raise dev_y's item recall to 0.987 but lower the pooled
  figures), a second problem in
  a comma-joined sentence (…效益不高，旅游项目招商引资“重签约轻落地”; 青江街道：…虚增面积，德岗村干部涉嫌冒领…: one
  item to the parser), a field's unit only the writer knows (建筑工程质量检测收费, the housing bureau's).
  Floors 0.95/0.94/0.97/0.95 -> 0.96/0.96/0.99/0.99.

* ``dev_z`` (21 files, written independently outside the repository, another office's year: items run on with ；
  and ①, units in brackets after a problem, a secretary going through units by number), scored once as the test
  part in session 13 after H67's rules for dev_x, at items 0.99/0.95, units 0.99/0.94, directives 1.00/0.93,
  directive units 0.98/0.91: tuned by H69 in session 13 to items 0.994/0.987, units 0.987/0.981, directives
  1.000/1.000, directive units 1.000/1.000 — a risk said to stand out (廉政风险突出) and a decision carried out
  有温差/有落差 are problem wordings, as 问题突出 was, and 跟不上 a problem cue beside 滞后 (problem_patterns,
  problem_cues); a public notice titled …反馈巡察情况 is feedback (dev_p's, dev_x's and dev_y's writers titled theirs
  so too); a body told to act on a matter closed by a comma before the modal (县委组织部对石阳乡、县国资公司班子运行中的
  问题，要…) is asked about its units (TOPIC_FIRST); two units joined by 与 as the subject of a matter they share
  (县A局与县B局在…制度衔接上不畅; joint_words) have it each, and a regulator asked about it is not asked about its own
  share; a letter's topic counting units before the body (对3个村的线索，请县纪委监委…) is about as many entries of
  that kind. Left missed: two findings of one public notice's sentence (基层党组织建设比较薄弱，干部担当作为意识不强:
  two items to the writer, while 党组主体责任落实有差距，对下属单位管理监督不到位 is one to the same writer; the
  classifier also vetoes the sentence); a township's slack rectification of a village's problem (石河镇对和岗村集体
  资金存放个人账户问题，只是把钱转回了账上) the writer puts at the village. Floors 0.94/0.93/0.92/0.90 ->
  0.98/0.98/0.99/0.99.

* ``dev_aa`` (21 files, written independently outside the repository, another office's year in its own habits),
  scored once as the test part at the end of session 13 after the rules for dev_x and dev_z, at items 0.94/0.94,
  units 0.91/0.91, directives 1.00/0.97, directive units 0.98/0.95; tuned by H72 in session 13 to items
  1.000/0.954, units 0.993/0.947, directives 1.000/1.000, directive units 0.983/0.983 — 工作拖沓 a problem cue;
  总的看，上述问题反映出… a summing-up, as 上述问题反映出… was; a speaker turning to a unit (X镇的问题要单独说一说)
  asks nothing of it (nor of the problem before); a finder handing on its own findings (县审计局审计发现问题移送不及时)
  the subject; money recovered (追回违规资金, 清退违规收费) a result, not a problem (no_problem_patterns); a
  township's own body (乡农经站, 乡纪委) at the one township of the villages the entry before named, or the only one
  the document names; an example after a failing (…，如A镇B村…) leaves it with the unit spoken of; bodies joined by
  、 before one request each asked; a ；-clause after 建议 with its own modal (…；县委巡察办要…) asked. No other
  part moved. Left missed: a speech's warning list after 要引起警惕： inside a 一是看… list (one writer's form);
  ，-joined findings the writer counts apart (…底数不清，…借新还旧未履行报批程序也不是个别现象); a category line
  stating one problem (巡察整改方面：上轮…整改不彻底; such lines are summaries to earlier writers); 上轮指出的问题整改
  不彻底 at a township only the writer knows; a supervisor's failing and the supervised village's own in one clause
  pair; kinds: an entry notice (进驻…公告) and a unit's public rectification notice the writer calls feedback, where
  every other writer called theirs comprehensive. Floors 0.92/0.89/0.95/0.93 -> 0.95/0.94/0.99/0.98.

* ``dev_ab`` (21 files, written independently outside the repository, another office's year in its own habits),
  scored once as the test part at the end of session 13 after the rules for dev_x, dev_z and dev_aa, at items
  0.99/0.97, units 0.99/0.97, directives 1.00/0.92, directive units 0.91/0.83; tuned by H74 in session 13 to items
  1.000/0.980, units 1.000/0.980, directives 1.000/1.000, directive units 0.967/0.967 — paragraphs after a lead
  announcing requests (…。建议：) that open on a body each a request to it without a modal (县纪委监委对…开展调查;
  县委组织部会同…; 各巡察组在…中将…); a one-clause question of whether (X背后有没有利益输送，县纪委监委要…) the
  request's topic and no finding; a named problem carried into the next round (将X问题纳入下一轮…重点) about its unit;
  a unit named as the measure (组织全县公立医院对照县中医院的问题自查) not what a request is about; bodies asked
  severally (县A局、县B局履行行业主管部门职责，分别对…) one directive each, a stationed group's 驻在单位 its own host;
  过高 a problem cue. dev_u rose with the 分别 reading (directives 0.967/0.983 -> 0.968/1.000, directive units
  0.951/0.967 -> 0.952/0.983; its floors stay); no other part moved. Left missed: a feedback report's regulator
  checking the whole county (建议县教育局作为行业主管部门，对全县中小学…), about no unit to this writer and dev_v's,
  about the inspected unit to dev_aa's, dev_o's and dev_z's, once each way to dev_q's (the kept reading, 5 to 3); a
  letter's 第4件…，请 你委督促石山乡党委抓好资金追缴 the writer puts at the cited item's village where the request
  names the township it urges; a second problem joined by a comma (…监管滞后，冷链食品进货查验记录不全) and a speech's
  examples (A擅自…，B把村道工程拆分发包，这类问题…) the writer counts apart. Floors 0.96/0.96/0.90/0.81 ->
  0.97/0.97/0.99/0.96.

* ``dev_ac`` (22 files, written independently outside the repository, another office's year in its own habits),
  scored once as the test part at the end of session 13 after the rules for dev_x, dev_z, dev_aa and dev_ab, at
  items 0.98/0.94, units 0.98/0.94, directives 0.98/0.91, directive units 0.92/0.86; not tuned on yet: floors a
  little below.

The floors (0.97) leave a little room for rules a county edits in text_rules.json; they are not a claim about unseen
text — that is what the test part measures."""

KEYS = ("items", "units", "directives", "directive_units")
FLOOR = {"dev": dict.fromkeys(KEYS, 0.97), "dev_b": dict.fromkeys(KEYS, 0.97),
         "dev_c": {"items": 0.94, "units": 0.93, "directives": 0.95, "directive_units": 0.95},
         "dev_d": {"items": 0.95, "units": 0.94, "directives": 0.96, "directive_units": 0.92},
         "dev_e": {"items": 0.95, "units": 0.95, "directives": 0.96, "directive_units": 0.96},
         "dev_f": {"items": 0.98, "units": 0.98, "directives": 0.97, "directive_units": 0.97},
         "dev_g": {"items": 0.94, "units": 0.94, "directives": 0.97, "directive_units": 0.97},
         "dev_h": {"items": 0.96, "units": 0.95, "directives": 0.95, "directive_units": 0.93},
         "dev_i": {"items": 0.95, "units": 0.95, "directives": 0.95, "directive_units": 0.91},
         "dev_j": {"items": 0.97, "units": 0.96, "directives": 0.97, "directive_units": 0.96},
         "dev_k": {"items": 0.97, "units": 0.94, "directives": 0.97, "directive_units": 0.94},
         "dev_l": {"items": 0.96, "units": 0.95, "directives": 0.97, "directive_units": 0.95},
         "dev_m": dict.fromkeys(KEYS, 0.96),
         "dev_n": {"items": 0.96, "units": 0.96, "directives": 0.97, "directive_units": 0.96},
         "dev_o": {"items": 0.74, "units": 0.56, "directives": 0.84, "directive_units": 0.78},
         "dev_q": {"items": 0.95, "units": 0.95, "directives": 0.95, "directive_units": 0.90},
         "dev_r": {"items": 0.98, "units": 0.98, "directives": 0.98, "directive_units": 0.96},
         "dev_s": {"items": 0.98, "units": 0.98, "directives": 0.98, "directive_units": 0.96},
         "dev_t": dict.fromkeys(KEYS, 0.98),
         "dev_u": {"items": 0.99, "units": 0.99, "directives": 0.96, "directive_units": 0.95},
         "dev_v": {"items": 0.97, "units": 0.96, "directives": 0.98, "directive_units": 0.94},
         "dev_w": {"items": 0.95, "units": 0.93, "directives": 0.98, "directive_units": 0.98},
         "dev_x": dict.fromkeys(KEYS, 0.98),
         "dev_y": {"items": 0.96, "units": 0.96, "directives": 0.99, "directive_units": 0.99},
         "dev_z": {"items": 0.98, "units": 0.98, "directives": 0.99, "directive_units": 0.99},
         "dev_aa": {"items": 0.95, "units": 0.94, "directives": 0.99, "directive_units": 0.98},
         "dev_ab": {"items": 0.97, "units": 0.97, "directives": 0.99, "directive_units": 0.96},
         "dev_ac": {"items": 0.92, "units": 0.92, "directives": 0.89, "directive_units": 0.84},
         "dev_p": {"items": 0.92, "units": 0.90, "directives": 0.95, "directive_units": 0.88}}
