<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>App</name>
    <message>
      <source>GoLive Desk</source>
      <translation>GoLive Desk 上线支持台</translation>
    </message>
    <message>
      <source>Recover it now?</source>
      <translation>现在恢复吗？</translation>
    </message>
    <message>
      <source>%1 operations and %2 files were recovered into %3, which is open now; %4 operations could not be read. The damaged store was not changed.</source>
      <translation>已将 %1 条操作记录和 %2 个文件恢复到 %3，现已打开该数据库；有 %4 条操作记录无法读取。损坏的数据库未作任何改动。</translation>
    </message>
  </context>
  <context>
    <name>AttachmentPanel</name>
    <message>
      <source>Attachments</source>
      <translation>附件</translation>
    </message>
    <message>
      <source>Add files…</source>
      <translation>添加文件…</translation>
    </message>
    <message>
      <source>Paste screenshot</source>
      <translation>粘贴截图</translation>
    </message>
    <message>
      <source>Paste an image from the clipboard (Ctrl+V)</source>
      <translation>粘贴剪贴板中的图片（Ctrl+V）</translation>
    </message>
    <message>
      <source>Drop files here, or paste a screenshot with Ctrl+V.</source>
      <translation>可将文件拖放到此处，或按 Ctrl+V 粘贴截图。</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>打开</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>not saved yet</source>
      <translation>尚未保存</translation>
    </message>
  </context>
  <context>
    <name>Calendar</name>
    <message>
      <source>%1 issues reported</source>
      <translation>当天报告问题 %1 个</translation>
    </message>
    <message>
      <source>Off</source>
      <translation>休</translation>
    </message>
    <message>
      <source>Work</source>
      <translation>班</translation>
    </message>
    <message>
      <source>On site</source>
      <translation>现场</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Remote</source>
      <translation>远程</translation>
    </message>
    <message>
      <source>Whole day</source>
      <translation>全天</translation>
    </message>
    <message>
      <source>Morning</source>
      <translation>上午</translation>
    </message>
    <message>
      <source>Afternoon</source>
      <translation>下午</translation>
    </message>
    <message>
      <source>Go-live</source>
      <translation>上线</translation>
    </message>
    <message>
      <source>Month-end close</source>
      <translation>月结</translation>
    </message>
    <message>
      <source>Planned exit</source>
      <translation>计划撤离现场</translation>
    </message>
    <message>
      <source>Acceptance</source>
      <translation>验收</translation>
    </message>
    <message>
      <source>Milestone</source>
      <translation>里程碑</translation>
    </message>
    <message>
      <source>%1: nobody on site on go-live day</source>
      <translation>%1：上线当天无人驻场</translation>
    </message>
    <message>
      <source>%1: nobody on site on working day %2 after go-live</source>
      <translation>%1：上线后第 %2 个工作日无人驻场</translation>
    </message>
    <message>
      <source>%1: nobody on site for the month-end close</source>
      <translation>%1：月结当天无人驻场</translation>
    </message>
    <message>
      <source>%1 is on site for %2 and %3 at the same time</source>
      <translation>%1 同一时段在 %2 和 %3 两处驻场</translation>
    </message>
    <message>
      <source>%1 is scheduled after the planned exit (%2)</source>
      <translation>%1 排在计划撤离现场（%2）之后</translation>
    </message>
    <message>
      <source>%1 is scheduled on a holiday (%2)</source>
      <translation>%1 排在节假日（%2）</translation>
    </message>
    <message>
      <source>The last day is before the first.</source>
      <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
      <source>That date is outside 2000–2100.</source>
      <translation>日期超出 2000–2100 年的范围。</translation>
    </message>
    <message>
      <source>A slot is at most a year long.</source>
      <translation>一条支持安排最长一年。</translation>
    </message>
    <message>
      <source>This person is not on the project. Add them to the project first.</source>
      <translation>此人不在该项目中，请先把他加入项目。</translation>
    </message>
    <message>
      <source>This slot was changed on another computer meanwhile. The calendar shows the latest; settle the conflict in the Sync page's inbox.</source>
      <translation>这条安排同时在另一台电脑上被修改。日历显示的是最新内容；请在“同步”页的冲突收件箱中处理。</translation>
    </message>
  </context>
  <context>
    <name>CalendarPage</name>
    <message>
      <source>Support calendar</source>
      <translation>现场支持日程</translation>
    </message>
    <message>
      <source>Previous</source>
      <translation>上一页</translation>
    </message>
    <message>
      <source>Next</source>
      <translation>下一页</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>今天</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月</translation>
    </message>
    <message>
      <source>Week</source>
      <translation>周</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>团队</translation>
    </message>
    <message>
      <source>Everyone</source>
      <translation>全部人员</translation>
    </message>
    <message>
      <source>Plan…</source>
      <translation>生成计划…</translation>
    </message>
    <message>
      <source>Propose a schedule from go-live, the month-end closes and the planned exit</source>
      <translation>根据上线日、月结日和计划撤离现场日生成支持安排建议</translation>
    </message>
    <message>
      <source>Print schedule…</source>
      <translation>打印支持日程表…</translation>
    </message>
    <message>
      <source>The month's on-site support schedule as PDF</source>
      <translation>本月现场支持时间表（PDF）</translation>
    </message>
    <message>
      <source>All projects</source>
      <translation>全部项目</translation>
    </message>
    <message>
      <source>Remove %1's %2 support from %3 to %4?</source>
      <translation>删除 %1 在 %3 至 %4 的%2支持安排？</translation>
    </message>
    <message>
      <source>Remove support slot</source>
      <translation>删除支持安排</translation>
    </message>
    <message>
      <source>Print the support schedule</source>
      <translation>打印现场支持时间表</translation>
    </message>
    <message>
      <source>Support schedule</source>
      <translation>现场支持时间表</translation>
    </message>
    <message>
      <source>Support plan</source>
      <translation>支持计划</translation>
    </message>
    <message>
      <source>There is nothing to propose: the project has no vendor consultants yet.</source>
      <translation>无法生成建议：项目还没有实施方顾问。</translation>
    </message>
  </context>
  <context>
    <name>ComingPage</name>
    <message>
      <source>Coming in a later release</source>
      <translation>将在后续版本中提供</translation>
    </message>
  </context>
  <context>
    <name>ConflictBox</name>
    <message>
      <source>Changed on two computers at once — choose the value to keep:</source>
      <translation>此项在两台电脑上同时被修改，请选择要保留的值：</translation>
    </message>
    <message>
      <source>(empty)</source>
      <translation>（空）</translation>
    </message>
    <message>
      <source>Keep this</source>
      <translation>保留此值</translation>
    </message>
  </context>
  <context>
    <name>ConflictPanel</name>
    <message>
      <source>Select a conflict to see both values.</source>
      <translation>选择一个冲突以查看双方的值。</translation>
    </message>
    <message>
      <source>…or type the value that should stand</source>
      <translation>……或输入最终应保留的值</translation>
    </message>
    <message>
      <source>Use this value</source>
      <translation>使用此值</translation>
    </message>
    <message>
      <source>Open issue</source>
      <translation>打开问题</translation>
    </message>
    <message>
      <source>Show this issue in the register's form</source>
      <translation>在问题跟踪记录单中打开此问题</translation>
    </message>
    <message>
      <source>%1 · %2: two computers wrote different values</source>
      <translation>%1 · %2：两台电脑写入了不同的值</translation>
    </message>
    <message>
      <source>%1 · %2</source>
      <translation>%1 · %2</translation>
    </message>
    <message>
      <source>%1 was deleted on one computer while another changed %2. It stays deleted until you decide.</source>
      <translation>%1 在一台电脑上被删除，同时另一台电脑修改了%2。在您决定之前，它保持删除状态。</translation>
    </message>
    <message>
      <source>%1 deleted it (%3)</source>
      <translation>%1 删除了它（%3）</translation>
    </message>
    <message>
      <source>%1 restored it (%3)</source>
      <translation>%1 恢复了它（%3）</translation>
    </message>
    <message>
      <source>%1 added &lt;b&gt;%2&lt;/b&gt; (%3)</source>
      <translation>%1 添加了 &lt;b&gt;%2&lt;/b&gt;（%3）</translation>
    </message>
    <message>
      <source>%1 set it to &lt;b&gt;%2&lt;/b&gt; (%3)</source>
      <translation>%1 将其改为 &lt;b&gt;%2&lt;/b&gt;（%3）</translation>
    </message>
    <message>
      <source> (shown for now)</source>
      <translation>（当前暂显示此值）</translation>
    </message>
    <message>
      <source>Keep this</source>
      <translation>保留此值</translation>
    </message>
    <message>
      <source>%1 was deleted on one computer and restored on another, neither seeing the other. Restore it, or keep it deleted?</source>
      <translation>%1 在一台电脑上被删除，同时在另一台电脑上被恢复，双方都不知道对方的操作。恢复它，还是保持删除？</translation>
    </message>
    <message>
      <source>%1 was deleted on one computer while another added %2 to it. It stays deleted until you decide; what was added stays with it.</source>
      <translation>%1 在一台电脑上被删除，同时另一台电脑为它添加了%2。在您决定之前，它保持删除状态；添加的内容随它保留。</translation>
    </message>
    <message>
      <source>Restore the record</source>
      <translation>恢复该记录</translation>
    </message>
    <message>
      <source>Keep it deleted</source>
      <translation>保持删除</translation>
    </message>
  </context>
  <context>
    <name>ConflictsModel</name>
    <message>
      <source>, </source>
      <translation>、</translation>
    </message>
    <message>
      <source>Edited after delete: %1</source>
      <translation>删除后被修改：%1</translation>
    </message>
    <message>
      <source>Deleted and restored at once</source>
      <translation>同时被删除和恢复</translation>
    </message>
    <message>
      <source>deleted</source>
      <translation>已删除</translation>
    </message>
    <message>
      <source>restored</source>
      <translation>已恢复</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>记录</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>字段</translation>
    </message>
    <message>
      <source>Competing values</source>
      <translation>冲突的值</translation>
    </message>
    <message>
      <source>Written by</source>
      <translation>修改人</translation>
    </message>
  </context>
  <context>
    <name>ContactsStep</name>
    <message>
      <source>4. Internal support system</source>
      <translation>4. 内部支持体系</translation>
    </message>
    <message>
      <source>Who the users call after the consultant leaves: the customer's project manager, key users and internal support staff, with the modules each covers.</source>
      <translation>顾问撤离现场后用户找谁：客户项目经理、关键用户和内部支持人员，以及各自负责的模块。</translation>
    </message>
    <message>
      <source>Contact details of the chosen person</source>
      <translation>所选人员的联系方式</translation>
    </message>
    <message>
      <source>e.g. 总账、应收、应付</source>
      <translation>例如：总账、应收、应付</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>电子邮件</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Modules covered</source>
      <translation>负责模块</translation>
    </message>
    <message>
      <source>Add a key user or internal support person</source>
      <translation>添加关键用户或内部支持人员</translation>
    </message>
    <message>
      <source>Add person</source>
      <translation>添加人员</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>Write the person's name.</source>
      <translation>请填写姓名。</translation>
    </message>
  </context>
  <context>
    <name>CrashReporter</name>
    <message>
      <source>GoLive Desk – unexpected error</source>
      <translation>GoLive Desk – 意外错误</translation>
    </message>
    <message>
      <source>Something went wrong. Your saved work is safe: every change is written to the store as soon as you make it.</source>
      <translation>程序出现了问题。您已保存的工作是安全的：每次修改都会立即写入数据库。</translation>
    </message>
    <message>
      <source>Please send the log file to support:
%1</source>
      <translation>请将日志文件发送给技术支持：
%1</translation>
    </message>
  </context>
  <context>
    <name>CriteriaList</name>
    <message>
      <source>✔ met</source>
      <translation>✔ 已达标</translation>
    </message>
    <message>
      <source>✘ not met</source>
      <translation>✘ 未达标</translation>
    </message>
  </context>
  <context>
    <name>Dashboard</name>
    <message>
      <source>Open · %1</source>
      <translation>未关闭 · %1</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>已逾期</translation>
    </message>
    <message>
      <source>Awaiting confirmation</source>
      <translation>待客户确认</translation>
    </message>
    <message>
      <source>SLA breached</source>
      <translation>SLA 已超时</translation>
    </message>
    <message>
      <source>SLA at risk</source>
      <translation>SLA 临近超时</translation>
    </message>
    <message>
      <source>The exit criteria: open the Handover page</source>
      <translation>交接准则：打开交接页面</translation>
    </message>
    <message>
      <source>Issues per day since go-live</source>
      <translation>上线以来每日问题</translation>
    </message>
    <message>
      <source>Operation errors: whom to train</source>
      <translation>操作错误：需要培训的关键用户</translation>
    </message>
    <message>
      <source>By category</source>
      <translation>按问题类别</translation>
    </message>
    <message>
      <source>By module</source>
      <translation>按模块</translation>
    </message>
    <message>
      <source>Support today and this week</source>
      <translation>今日与本周支持安排</translation>
    </message>
    <message>
      <source>%1 open in all</source>
      <translation>共 %1 个未关闭</translation>
    </message>
    <message>
      <source>past the expected date</source>
      <translation>已过要求解决日期</translation>
    </message>
    <message>
      <source>waiting for the customer</source>
      <translation>等待客户确认</translation>
    </message>
    <message>
      <source>counting working time…</source>
      <translation>正在计算工作时间…</translation>
    </message>
    <message>
      <source>counting…</source>
      <translation>计算中…</translation>
    </message>
    <message>
      <source>%1 not yet met</source>
      <translation>%1 项未达标</translation>
    </message>
    <message>
      <source>urgent plans</source>
      <translation>紧急问题方案</translation>
    </message>
    <message>
      <source>SLA</source>
      <translation>SLA</translation>
    </message>
    <message>
      <source>solved by the customer</source>
      <translation>客户自行解决</translation>
    </message>
    <message>
      <source>month-end closes</source>
      <translation>月结</translation>
    </message>
    <message>
      <source>new issues a day</source>
      <translation>每日新增</translation>
    </message>
    <message>
      <source>days since urgent</source>
      <translation>距上次紧急问题</translation>
    </message>
    <message>
      <source>operation errors</source>
      <translation>操作错误</translation>
    </message>
    <message>
      <source>%1 still open</source>
      <translation>其中 %1 个仍未关闭</translation>
    </message>
    <message>
      <source>over %1 % of the target used</source>
      <translation>已用时超过目标的 %1%</translation>
    </message>
    <message>
      <source>%1 of %2 issues were operation errors. Key users who reported them:</source>
      <translation>%2 个问题中有 %1 个属于操作错误。提出这些问题的关键用户：</translation>
    </message>
    <message>
      <source>Import holiday calendar…</source>
      <translation>导入节假日日历…</translation>
    </message>
    <message>
      <source>Handover readiness · criteria met</source>
      <translation>交接准备度 · 达标项</translation>
    </message>
    <message>
      <source>Every criterion met: ready to hand over</source>
      <translation>全部达标，可以交接</translation>
    </message>
    <message>
      <source>The holiday calendar does not know %1: SLA times in that year count Monday to Friday only. Import that year's holidays (an ICS from the office, or a bundle).</source>
      <translation>节假日日历中没有 %1 年的数据：该年的 SLA 时间只按周一至周五计算。请导入该年的节假日安排（分公司提供的 ICS 文件或同步包）。</translation>
    </message>
  </context>
  <context>
    <name>DateField</name>
    <message>
      <source>Choose a date</source>
      <translation>选择日期</translation>
    </message>
  </context>
  <context>
    <name>DeletedBanner</name>
    <message>
      <source>Restore the issue</source>
      <translation>恢复问题</translation>
    </message>
    <message>
      <source>Keep it deleted</source>
      <translation>保持删除</translation>
    </message>
    <message>
      <source>This issue was deleted on one computer and restored on another, neither seeing the other. Restore it, or keep it deleted?</source>
      <translation>此问题在一台电脑上被删除，同时在另一台电脑上被恢复，双方都不知道对方的操作。恢复它，还是保持删除？</translation>
    </message>
    <message>
      <source>This issue was deleted, but another computer edited it (%1) without seeing the delete. Restore it, or keep it deleted?</source>
      <translation>此问题已被删除，但另一台电脑在不知情的情况下修改了它（%1）。恢复问题，还是保持删除？</translation>
    </message>
    <message>
      <source>This issue is deleted. Restore it to work on it again.</source>
      <translation>此问题已删除。恢复后才能继续处理。</translation>
    </message>
  </context>
  <context>
    <name>EditProjectDialog</name>
    <message>
      <source>Edit project</source>
      <translation>编辑项目</translation>
    </message>
    <message>
      <source>The issue numbers carry the code: it cannot change.</source>
      <translation>问题编号中含有项目代码，代码不能修改。</translation>
    </message>
    <message>
      <source>One module per line. Issues keep the module they have.</source>
      <translation>每行一个模块。已有问题保留原来的模块。</translation>
    </message>
    <message>
      <source>Modules</source>
      <translation>模块</translation>
    </message>
    <message>
      <source> working days</source>
      <translation> 个工作日</translation>
    </message>
    <message>
      <source>Working days after go-live that must be covered on site.</source>
      <translation>上线后必须有人驻场的工作日数。</translation>
    </message>
    <message>
      <source>On site after go-live</source>
      <translation>上线后驻场</translation>
    </message>
    <message>
      <source>At least one module, each up to 30 characters.</source>
      <translation>至少填写一个模块，每个不超过 30 个字符。</translation>
    </message>
  </context>
  <context>
    <name>EmergencyStep</name>
    <message>
      <source>5. Emergency plan</source>
      <translation>5. 应急预案</translation>
    </message>
    <message>
      <source>What the customer does when things go wrong after the consultant has left: for each scenario the actions, whom to call and when to escalate.</source>
      <translation>顾问撤离现场后出现问题时客户怎么做：每种情形的处理步骤、联系人和升级路径。</translation>
    </message>
    <message>
      <source>Start from templates</source>
      <translation>从模板开始</translation>
    </message>
    <message>
      <source>Adds the usual scenarios (system down, month-end close blocked, data error, key user absent, …) that the plan does not have yet; edit them after.</source>
      <translation>添加预案中还没有的常见情形（系统宕机、月末结账受阻、数据错误、关键用户缺岗……），之后可修改。</translation>
    </message>
    <message>
      <source>Add scenario</source>
      <translation>添加情形</translation>
    </message>
    <message>
      <source>Delete scenario</source>
      <translation>删除情形</translation>
    </message>
    <message>
      <source>Scenario</source>
      <translation>情形</translation>
    </message>
    <message>
      <source>Actions</source>
      <translation>处理步骤</translation>
    </message>
    <message>
      <source>Contacts</source>
      <translation>联系人</translation>
    </message>
    <message>
      <source>Escalation</source>
      <translation>升级路径</translation>
    </message>
    <message>
      <source>A scenario needs its title.</source>
      <translation>情形需要填写标题。</translation>
    </message>
    <message>
      <source>New scenario</source>
      <translation>新情形</translation>
    </message>
    <message>
      <source>Delete this scenario of the emergency plan?</source>
      <translation>删除应急预案中的这个情形？</translation>
    </message>
    <message>
      <source>The plan has no scenario yet: start from the templates or add one.</source>
      <translation>应急预案还没有任何情形：请从模板开始或添加一个。</translation>
    </message>
  </context>
  <context>
    <name>ErrorText</name>
    <message>
      <source>%1 is not a GoLive Desk store.</source>
      <translation>%1 不是 GoLive Desk 数据库。</translation>
    </message>
    <message>
      <source>There is no store at %1.</source>
      <translation>%1 处没有数据库。</translation>
    </message>
    <message>
      <source>%1 was written by a newer GoLive Desk. Please upgrade this program to open it; the file was not changed.</source>
      <translation>%1 由更新版本的 GoLive Desk 写入。请升级本程序后再打开；文件未作任何改动。</translation>
    </message>
    <message>
      <source>%1 is locked by another program. Close that program (or wait for it to finish) and try again.</source>
      <translation>%1 已被另一个程序锁定。请关闭该程序（或等它完成）后重试。</translation>
    </message>
    <message>
      <source>%1 is damaged, so nothing can be saved to it. GoLive Desk can copy everything it can still read into a new store beside it (the damaged file is not changed); on the command line: golive-desk doctor --recover.</source>
      <translation>%1 已损坏，无法再保存任何内容。GoLive Desk 可以把仍能读取的全部内容复制到旁边的一个新数据库中（损坏的文件不会被改动）；命令行：golive-desk doctor --recover。</translation>
    </message>
    <message>
      <source>This store is already open in another GoLive Desk window.</source>
      <translation>该数据库已在另一个 GoLive Desk 窗口中打开。</translation>
    </message>
    <message>
      <source>%1 cannot be written (read-only disk or folder). Nothing was saved.</source>
      <translation>无法写入 %1（磁盘或文件夹为只读）。没有保存任何内容。</translation>
    </message>
    <message>
      <source>The disk is full. Nothing was saved; free some space and try again.</source>
      <translation>磁盘已满，没有保存任何内容；请释放空间后重试。</translation>
    </message>
  </context>
  <context>
    <name>ExcelImportDialog</name>
    <message>
      <source>Import issues from Excel</source>
      <translation>从 Excel 导入问题</translation>
    </message>
    <message>
      <source>Reading %1…</source>
      <translation>正在读取 %1…</translation>
    </message>
    <message>
      <source>Column in the file</source>
      <translation>文件中的列</translation>
    </message>
    <message>
      <source>Example</source>
      <translation>示例</translation>
    </message>
    <message>
      <source>Import as</source>
      <translation>导入为</translation>
    </message>
    <message>
      <source>&amp;Check rows</source>
      <translation>检查各行(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Import</source>
      <translation>导入(&amp;I)</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Which column holds which field? Columns set to “not imported” are left out.</source>
      <translation>请指定每一列对应的问题字段。设为“不导入”的列将被忽略。</translation>
    </message>
    <message>
      <source>Cannot import</source>
      <translation>无法导入</translation>
    </message>
    <message>
      <source>%1, sheet “%2”: header in row %3, %4 rows with data.</source>
      <translation>%1，工作表“%2”：表头在第 %3 行，共 %4 行数据。</translation>
    </message>
    <message>
      <source>(not imported)</source>
      <translation>（不导入）</translation>
    </message>
    <message>
      <source>The mapping changed: check the rows again.</source>
      <translation>列对应关系已更改：请重新检查各行。</translation>
    </message>
    <message>
      <source>Checking the rows…</source>
      <translation>正在检查各行…</translation>
    </message>
    <message>
      <source>%1 rows can be imported; %2 rows are refused and will not be imported.</source>
      <translation>%1 行可以导入；%2 行被拒绝，不会导入。</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>行号</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>问题标题</translation>
    </message>
    <message>
      <source>Why it is refused</source>
      <translation>拒绝原因</translation>
    </message>
    <message>
      <source>&amp;Import %1 issues</source>
      <translation>导入 %1 个问题(&amp;I)</translation>
    </message>
    <message>
      <source>Import issues</source>
      <translation>导入问题</translation>
    </message>
    <message>
      <source>%1 rows are refused and will not be imported. Import the other %2 rows?</source>
      <translation>%1 行被拒绝，不会导入。是否导入其余 %2 行？</translation>
    </message>
    <message>
      <source>Imported %1 issues (%2 … %3).</source>
      <translation>已导入 %1 个问题（%2 … %3）。</translation>
    </message>
  </context>
  <context>
    <name>ExitSummaryStep</name>
    <message>
      <source>6. Consultant exit and project summary</source>
      <translation>6. 顾问撤离现场与项目总结</translation>
    </message>
    <message>
      <source>When the consultant leaves the site (shown on the calendar), what was supported, and the lessons learned.</source>
      <translation>顾问何时撤离现场（显示在日历上）、支持了哪些内容，以及经验教训。</translation>
    </message>
    <message>
      <source>Consultant leaves the site on</source>
      <translation>顾问撤离现场日期</translation>
    </message>
    <message>
      <source>Issues by category</source>
      <translation>问题按类别</translation>
    </message>
    <message>
      <source>Issues by module</source>
      <translation>问题按模块</translation>
    </message>
    <message>
      <source>Issues by support mode</source>
      <translation>问题按支持方式</translation>
    </message>
    <message>
      <source>Support person-days by mode</source>
      <translation>支持人天（按支持方式）</translation>
    </message>
    <message>
      <source>From the support schedule, go-live to the consultant's exit: each person's day counts 1, a half day 0.5.</source>
      <translation>按支持时间表统计，自上线至顾问撤离现场：每人每天计 1 人天，半天计 0.5。</translation>
    </message>
    <message>
      <source>%1 person-day</source>
      <translation>%1 人天</translation>
    </message>
    <message>
      <source>%1 person-days</source>
      <translation>%1 人天</translation>
    </message>
    <message>
      <source>Lessons learned</source>
      <translation>经验教训</translation>
    </message>
    <message>
      <source>What went well, what to do differently in the next go-live</source>
      <translation>哪些做得好，下次上线时哪些要改进</translation>
    </message>
    <message>
      <source>(go-live: %1)</source>
      <translation>（上线日期：%1）</translation>
    </message>
    <message>
      <source>, reported %1 – %2</source>
      <translation>，报告于 %1 至 %2</translation>
    </message>
    <message>
      <source>%1 issues supported (%2 still open)</source>
      <translation>共支持 %1 个问题（仍有 %2 个未关闭）</translation>
    </message>
    <message>
      <source>The consultant cannot leave the site before go-live (%1). Choose a later day.</source>
      <translation>顾问不能在上线日期（%1）之前撤离现场，请选择更晚的日期。</translation>
    </message>
  </context>
  <context>
    <name>ExpectedByHint</name>
    <message>
      <source>%1 (by the SLA)</source>
      <translation>%1（按 SLA）</translation>
    </message>
    <message>
      <source>Left empty, the issue is expected by the day its SLA resolution target runs out; type a date to set another.</source>
      <translation>留空时，要求解决日期取 SLA 解决时限到期的那一天；输入日期可另行指定。</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <source>Export bundle</source>
      <translation>导出数据包</translation>
    </message>
    <message>
      <source>A bundle carries your changes to the branch office or another laptop. Importing it twice is harmless, so when in doubt send more.</source>
      <translation>数据包把您的修改带到分公司或其他电脑。重复导入不会有问题，所以拿不准时宁可多发。</translation>
    </message>
    <message>
      <source>What this computer has not received yet:</source>
      <translation>这台电脑尚未收到的内容：</translation>
    </message>
    <message>
      <source>Everything of project %1</source>
      <translation>项目 %1 的全部内容</translation>
    </message>
    <message>
      <source>Everything in this store (fills a new laptop)</source>
      <translation>本数据库的全部内容（用于新电脑初始化）</translation>
    </message>
    <message>
      <source>Encrypt with a passphrase (for e-mail)</source>
      <translation>使用口令加密（用于邮件发送）</translation>
    </message>
    <message>
      <source>Send</source>
      <translation>发送</translation>
    </message>
    <message>
      <source>Passphrase</source>
      <translation>口令</translation>
    </message>
    <message>
      <source>Use a passphrase of at least 8 characters.</source>
      <translation>口令至少需要 8 个字符。</translation>
    </message>
  </context>
  <context>
    <name>Fields</name>
    <message>
      <source>Title</source>
      <translation>问题标题</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>问题描述</translation>
    </message>
    <message>
      <source>Module</source>
      <translation>模块</translation>
    </message>
    <message>
      <source>Function / document</source>
      <translation>功能/单据</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>问题分类</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>严重程度</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Support mode</source>
      <translation>支持方式</translation>
    </message>
    <message>
      <source>Reporter</source>
      <translation>提出人</translation>
    </message>
    <message>
      <source>Reporter's department</source>
      <translation>提出部门</translation>
    </message>
    <message>
      <source>Reported at</source>
      <translation>提出时间</translation>
    </message>
    <message>
      <source>Expected by</source>
      <translation>要求解决日期</translation>
    </message>
    <message>
      <source>Assignee</source>
      <translation>处理顾问</translation>
    </message>
    <message>
      <source>Cause analysis</source>
      <translation>原因分析</translation>
    </message>
    <message>
      <source>Proposed handling</source>
      <translation>处理建议</translation>
    </message>
    <message>
      <source>Resolution</source>
      <translation>解决方案</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>解决结果</translation>
    </message>
    <message>
      <source>Confirmed by</source>
      <translation>客户确认人</translation>
    </message>
    <message>
      <source>Confirmed on</source>
      <translation>确认日期</translation>
    </message>
    <message>
      <source>Add to maintenance notes</source>
      <translation>列入维护事项</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Go-live</source>
      <translation>上线日期</translation>
    </message>
    <message>
      <source>First month-end close</source>
      <translation>月底首次结账</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>电子邮件</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>Deleted</source>
      <translation>已删除</translation>
    </message>
    <message>
      <source>Timeline entries</source>
      <translation>处理过程记录</translation>
    </message>
    <message>
      <source>Attachments</source>
      <translation>附件</translation>
    </message>
    <message>
      <source>Assignee (person)</source>
      <translation>处理顾问（人员）</translation>
    </message>
    <message>
      <source>Reporter (person)</source>
      <translation>提出人（人员）</translation>
    </message>
    <message>
      <source>Project members</source>
      <translation>项目成员</translation>
    </message>
    <message>
      <source>Project code</source>
      <translation>项目编号</translation>
    </message>
    <message>
      <source>Modules</source>
      <translation>模块</translation>
    </message>
    <message>
      <source>SLA policy</source>
      <translation>SLA 策略</translation>
    </message>
    <message>
      <source>On-site days after go-live</source>
      <translation>上线后现场支持天数</translation>
    </message>
    <message>
      <source>Document number prefix</source>
      <translation>文档编号前缀</translation>
    </message>
    <message>
      <source>Vendor PM</source>
      <translation>实施方项目经理</translation>
    </message>
    <message>
      <source>Customer PM</source>
      <translation>客户项目经理</translation>
    </message>
    <message>
      <source>Initials</source>
      <translation>姓名缩写</translation>
    </message>
    <message>
      <source>Side</source>
      <translation>所属方</translation>
    </message>
    <message>
      <source>First day</source>
      <translation>开始日期</translation>
    </message>
    <message>
      <source>Last day</source>
      <translation>结束日期</translation>
    </message>
    <message>
      <source>Day part</source>
      <translation>时段</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Exit thresholds</source>
      <translation>交接准则阈值</translation>
    </message>
    <message>
      <source>Reason to hand over with red criteria</source>
      <translation>未达标仍交接的理由</translation>
    </message>
    <message>
      <source>Lessons learned</source>
      <translation>经验教训</translation>
    </message>
    <message>
      <source>Handed over by (implementation dept.)</source>
      <translation>移交人（实施部门）</translation>
    </message>
    <message>
      <source>Received by (O&amp;M service dept.)</source>
      <translation>接收人（运营维护服务部门）</translation>
    </message>
    <message>
      <source>Customer PM signing</source>
      <translation>客户项目经理签字</translation>
    </message>
    <message>
      <source>Vendor PM signing</source>
      <translation>实施方项目经理签字</translation>
    </message>
    <message>
      <source>Accepted on</source>
      <translation>验收日期</translation>
    </message>
    <message>
      <source>Actions</source>
      <translation>处理措施</translation>
    </message>
    <message>
      <source>Contacts</source>
      <translation>联系人</translation>
    </message>
    <message>
      <source>Escalation</source>
      <translation>升级路径</translation>
    </message>
    <message>
      <source>Order</source>
      <translation>顺序</translation>
    </message>
    <message>
      <source>Symptom</source>
      <translation>问题现象</translation>
    </message>
    <message>
      <source>Solution</source>
      <translation>解决方法</translation>
    </message>
    <message>
      <source>Issue</source>
      <translation>问题</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年份</translation>
    </message>
    <message>
      <source>Data</source>
      <translation>数据</translation>
    </message>
  </context>
  <context>
    <name>FilterBar</name>
    <message>
      <source>Search number, title, description, cause, resolution, timeline (Ctrl+F)</source>
      <translation>搜索编号、标题、问题描述、原因、解决方案、处理过程（Ctrl+F）</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>搜索</translation>
    </message>
    <message>
      <source>All severities</source>
      <translation>全部严重程度</translation>
    </message>
    <message>
      <source>All categories</source>
      <translation>全部类别</translation>
    </message>
    <message>
      <source>All modules</source>
      <translation>全部模块</translation>
    </message>
    <message>
      <source>All assignees</source>
      <translation>全部处理顾问</translation>
    </message>
    <message>
      <source>Any date</source>
      <translation>不限日期</translation>
    </message>
    <message>
      <source>Reported today</source>
      <translation>今天报告</translation>
    </message>
    <message>
      <source>Last 7 days</source>
      <translation>最近 7 天</translation>
    </message>
    <message>
      <source>Last 30 days</source>
      <translation>最近 30 天</translation>
    </message>
    <message>
      <source>Date range…</source>
      <translation>日期范围…</translation>
    </message>
    <message>
      <source>Any SLA</source>
      <translation>全部 SLA</translation>
    </message>
    <message>
      <source>SLA breached</source>
      <translation>SLA 已超期</translation>
    </message>
    <message>
      <source>SLA at risk</source>
      <translation>SLA 有风险</translation>
    </message>
    <message>
      <source>Assigned to me</source>
      <translation>由我处理</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>已逾期</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>清除筛选</translation>
    </message>
  </context>
  <context>
    <name>FirstStartDialog</name>
    <message>
      <source>Welcome to GoLive Desk</source>
      <translation>欢迎使用 GoLive Desk</translation>
    </message>
    <message>
      <source>GoLive Desk keeps your go-live support work on this computer and works without a network. Tell us who is using it: your name goes on every record you write, your initials into the issue numbers (e.g. HX-ZL-0007).</source>
      <translation>GoLive Desk 将您的上线支持工作保存在本机，无需网络即可使用。请告诉我们谁在使用这台电脑：您的姓名会记录在您写的每条记录上，姓名缩写用于问题编号（如 HX-ZL-0007）。</translation>
    </message>
    <message>
      <source>e.g. 张力</source>
      <translation>例如：张力</translation>
    </message>
    <message>
      <source>e.g. ZL</source>
      <translation>例如：ZL</translation>
    </message>
    <message>
      <source>This computer is the branch office (merges bundles)</source>
      <translation>这台电脑是分公司（合并数据包）</translation>
    </message>
    <message>
      <source>Create a demo project to explore (华星电子 ERP 上线支持)</source>
      <translation>创建演示项目以便熟悉（华星电子 ERP 上线支持）</translation>
    </message>
    <message>
      <source>Your name</source>
      <translation>您的姓名</translation>
    </message>
    <message>
      <source>Initials</source>
      <translation>姓名缩写</translation>
    </message>
    <message>
      <source>Please enter your name.</source>
      <translation>请输入您的姓名。</translation>
    </message>
    <message>
      <source>Initials are 1 to 4 Latin letters, e.g. ZL.</source>
      <translation>姓名缩写为 1 到 4 个拉丁字母，例如 ZL。</translation>
    </message>
  </context>
  <context>
    <name>FormHeader</name>
    <message>
      <source>System operation issue tracking record</source>
      <translation>系统运行问题跟踪记录单</translation>
    </message>
    <message>
      <source>Print sheet</source>
      <translation>打印记录单</translation>
    </message>
    <message>
      <source>Print this issue's record sheet</source>
      <translation>打印此问题的跟踪记录单</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Save (Ctrl+S)</source>
      <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Back to the register (Esc)</source>
      <translation>返回问题列表（Esc）</translation>
    </message>
    <message>
      <source>New issue</source>
      <translation>新问题</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>有未保存的修改</translation>
    </message>
    <message>
      <source>Saved</source>
      <translation>已保存</translation>
    </message>
  </context>
  <context>
    <name>FormWork</name>
    <message>
      <source>Status change</source>
      <translation>状态变更</translation>
    </message>
    <message>
      <source>Issue</source>
      <translation>问题记录</translation>
    </message>
    <message>
      <source>Attachments</source>
      <translation>附件</translation>
    </message>
    <message>
      <source>Attach files</source>
      <translation>添加附件</translation>
    </message>
    <message>
      <source>All files (*)</source>
      <translation>所有文件 (*)</translation>
    </message>
    <message>
      <source>Paste screenshot</source>
      <translation>粘贴截图</translation>
    </message>
    <message>
      <source>The clipboard holds no image. Take a screenshot first, then press Ctrl+V in the issue form.</source>
      <translation>剪贴板中没有图片。请先截图，再在问题记录单中按 Ctrl+V。</translation>
    </message>
    <message>
      <source>Remove attachment</source>
      <translation>移除附件</translation>
    </message>
    <message>
      <source>Remove %1 from this issue?</source>
      <translation>从此问题中移除 %1？</translation>
    </message>
  </context>
  <context>
    <name>HandoverPage</name>
    <message>
      <source>Handover</source>
      <translation>交接</translation>
    </message>
    <message>
      <source>Print handover document…</source>
      <translation>打印交接文档…</translation>
    </message>
    <message>
      <source>Start the handover wizard</source>
      <translation>开始交接向导</translation>
    </message>
    <message>
      <source>Exit thresholds…</source>
      <translation>交接准则阈值…</translation>
    </message>
    <message>
      <source>What each exit criterion must reach for this project</source>
      <translation>本项目每项交接准则须达到的标准</translation>
    </message>
    <message>
      <source>Handover status</source>
      <translation>交接状态</translation>
    </message>
    <message>
      <source>The maintenance notes: symptom, cause and solution of known problems, by module — what the key users and internal support look up first.</source>
      <translation>维护手册：按模块整理的已知问题的现象、原因和解决方法——关键用户和内部支持人员首先查阅的资料。</translation>
    </message>
    <message>
      <source>Maintenance notes</source>
      <translation>维护手册</translation>
    </message>
    <message>
      <source>No project</source>
      <translation>没有项目</translation>
    </message>
    <message>
      <source>%1 of %2 exit criteria met</source>
      <translation>%2 项退出标准中已达标 %1 项</translation>
    </message>
    <message>
      <source>Open issues neither transferred nor closed: %1</source>
      <translation>既未移交也未关闭的问题：%1 个</translation>
    </message>
    <message>
      <source>Consultant leaves the site on %1</source>
      <translation>顾问撤离现场日期：%1</translation>
    </message>
    <message>
      <source>; </source>
      <translation>；</translation>
    </message>
    <message>
      <source>Open the handover wizard</source>
      <translation>打开交接向导</translation>
    </message>
    <message>
      <source>Reprint handover document…</source>
      <translation>重新打印交接文档…</translation>
    </message>
    <message>
      <source>Resume the handover wizard</source>
      <translation>继续交接向导</translation>
    </message>
  </context>
  <context>
    <name>HandoverText</name>
    <message>
      <source>, </source>
      <translation>、</translation>
    </message>
    <message>
      <source> and %1 more</source>
      <translation> 等另外 %1 个</translation>
    </message>
    <message>
      <source>Handed over</source>
      <translation>已交接</translation>
    </message>
    <message>
      <source>Handed over on %1</source>
      <translation>已于 %1 交接</translation>
    </message>
    <message>
      <source>Handover in progress</source>
      <translation>交接进行中</translation>
    </message>
    <message>
      <source>In go-live support (handover not started)</source>
      <translation>上线支持中（尚未开始交接）</translation>
    </message>
    <message>
      <source>No urgent issue open without an action plan</source>
      <translation>没有缺少处理方案的未关闭紧急问题</translation>
    </message>
    <message>
      <source>Urgent and high issues handled within their SLA</source>
      <translation>紧急和高优先级问题在服务时限内处理</translation>
    </message>
    <message>
      <source>Issues resolved by the customer's own people (key users, internal support)</source>
      <translation>由客户自己的人员（关键用户、内部支持人员）解决的问题</translation>
    </message>
    <message>
      <source>Every month-end close so far supported on site and passed</source>
      <translation>迄今每次月末结账都有现场支持并顺利完成</translation>
    </message>
    <message>
      <source>New issues a day are falling</source>
      <translation>每天新增问题数在下降</translation>
    </message>
    <message>
      <source>Days since the last urgent issue</source>
      <translation>距最近一个紧急问题的天数</translation>
    </message>
    <message>
      <source>Share of operation errors</source>
      <translation>操作错误占比</translation>
    </message>
    <message>
      <source>%1 without a plan (at most %2 allowed)</source>
      <translation>%1 个没有处理方案（最多允许 %2 个）</translation>
    </message>
    <message>
      <source>%1 % (%2 of %3); needs at least %4 %</source>
      <translation>%1 %（%3 个中 %2 个）；至少需要 %4 %</translation>
    </message>
    <message>
      <source>%1 of %2 closes passed; needs at least %3, all passed</source>
      <translation>%2 次结账中 %1 次顺利完成；至少需要 %3 次，且全部完成</translation>
    </message>
    <message>
      <source>%1 a day (%2 in the last %3 days); at most %4</source>
      <translation>每天 %1 个（最近 %3 天共 %2 个）；最多 %4 个</translation>
    </message>
    <message>
      <source>no urgent issue so far; needs at least %1</source>
      <translation>迄今没有紧急问题；至少需要 %1 天</translation>
    </message>
    <message>
      <source>%1 day (last on %2); needs at least %3</source>
      <translation>%1 天（最近一次在 %2）；至少需要 %3 天</translation>
    </message>
    <message>
      <source>%1 days (last on %2); needs at least %3</source>
      <translation>%1 天（最近一次在 %2）；至少需要 %3 天</translation>
    </message>
    <message>
      <source>%1 % (%2 of %3 issues); at most %4 %</source>
      <translation>%1 %（%3 个问题中 %2 个）；最多 %4 %</translation>
    </message>
    <message>
      <source>Write an action plan for: %1</source>
      <translation>请为以下问题填写处理方案：%1</translation>
    </message>
    <message>
      <source>Breached: %1</source>
      <translation>已超时：%1</translation>
    </message>
    <message>
      <source>Let the key users and internal support resolve the next issues themselves, with the consultant beside them.</source>
      <translation>接下来的问题请关键用户和内部支持人员自己解决，顾问在旁协助。</translation>
    </message>
    <message>
      <source>Nobody on site: %1</source>
      <translation>无人在现场：%1</translation>
    </message>
    <message>
      <source>Urgent issue still open: %1</source>
      <translation>紧急问题仍未关闭：%1</translation>
    </message>
    <message>
      <source>No month-end close held yet.</source>
      <translation>还没有进行过月末结账。</translation>
    </message>
    <message>
      <source>; </source>
      <translation>；</translation>
    </message>
    <message>
      <source>%1 (%2)</source>
      <translation>%1（%2）</translation>
    </message>
    <message>
      <source>Most came from (whom to train): %1</source>
      <translation>主要来自（需要培训的人员）：%1</translation>
    </message>
  </context>
  <context>
    <name>HandoverWizard</name>
    <message>
      <source>Handover – %1</source>
      <translation>交接 – %1</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>完成</translation>
    </message>
  </context>
  <context>
    <name>HolidayImport</name>
    <message>
      <source>This calendar holds:</source>
      <translation>此日历包含：</translation>
    </message>
    <message>
      <source>%1: %2 days off (%3), %4 adjusted working days</source>
      <translation>%1 年：休息 %2 天（%3），调休上班 %4 天</translation>
    </message>
    <message>
      <source>Store these years? They replace this store's earlier record of the same year and travel in bundles.</source>
      <translation>保存这些年份吗？它们会替换本数据库中同一年份的旧记录，并随同步包发送。</translation>
    </message>
    <message>
      <source>Import holiday calendar</source>
      <translation>导入节假日日历</translation>
    </message>
    <message>
      <source>Calendars (*.ics)</source>
      <translation>日历文件 (*.ics)</translation>
    </message>
    <message>
      <source>%1 is not a holiday calendar we can read (%2).</source>
      <translation>%1 不是可读取的节假日日历（%2）。</translation>
    </message>
  </context>
  <context>
    <name>ImportText</name>
    <message>
      <source>Title</source>
      <translation>问题标题</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>问题描述</translation>
    </message>
    <message>
      <source>Module</source>
      <translation>所属模块</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>问题类别</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>严重程度</translation>
    </message>
    <message>
      <source>Support mode</source>
      <translation>支持方式</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>提出部门</translation>
    </message>
    <message>
      <source>Reported at</source>
      <translation>提出时间</translation>
    </message>
    <message>
      <source>Expected by</source>
      <translation>要求解决日期</translation>
    </message>
    <message>
      <source>Function / document</source>
      <translation>功能/单据</translation>
    </message>
    <message>
      <source>Reporter</source>
      <translation>提出人</translation>
    </message>
    <message>
      <source>Assignee</source>
      <translation>处理顾问</translation>
    </message>
    <message>
      <source>Cause analysis</source>
      <translation>原因分析</translation>
    </message>
    <message>
      <source>Proposed handling</source>
      <translation>处理建议</translation>
    </message>
    <message>
      <source>Resolution</source>
      <translation>解决方案</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>解决结果</translation>
    </message>
    <message>
      <source>Confirmed by</source>
      <translation>客户确认人</translation>
    </message>
    <message>
      <source>Confirmed on</source>
      <translation>确认日期</translation>
    </message>
    <message>
      <source>Maintenance matter</source>
      <translation>列入维护事项</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>当前状态</translation>
    </message>
    <message>
      <source>%1 is empty.</source>
      <translation>%1为空。</translation>
    </message>
    <message>
      <source>%1 is longer than %2 characters.</source>
      <translation>%1超过 %2 个字符。</translation>
    </message>
    <message>
      <source>%1: “%3” is not a known value.</source>
      <translation>%1：“%3”不是可识别的值。</translation>
    </message>
    <message>
      <source>“%3” is not a module of this project (%2).</source>
      <translation>“%3”不是本项目的模块（%2）。</translation>
    </message>
    <message>
      <source>%1: “%3” is not a date (e.g. 2026-11-05).</source>
      <translation>%1：“%3”不是日期（例如 2026-11-05）。</translation>
    </message>
    <message>
      <source>%1: “%3” is not a date and time.</source>
      <translation>%1：“%3”不是日期时间。</translation>
    </message>
    <message>
      <source>%1: “%3” is neither yes nor no.</source>
      <translation>%1：“%3”既不是“是”也不是“否”。</translation>
    </message>
    <message>
      <source>%1 is before the report date %2.</source>
      <translation>%1早于提出日期 %2。</translation>
    </message>
    <message>
      <source>Already recorded as %2 (same title and report date).</source>
      <translation>已记录为 %2（标题和提出日期相同）。</translation>
    </message>
    <message>
      <source>Repeats row %2 (same title and report date).</source>
      <translation>与第 %2 行重复（标题和提出日期相同）。</translation>
    </message>
    <message>
      <source>, </source>
      <translation>、</translation>
    </message>
    <message>
      <source>Status: “%1” is not a status (use %2).</source>
      <translation>当前状态：“%1”不是可用的状态（可用：%2）。</translation>
    </message>
    <message>
      <source>%1 does not exist.</source>
      <translation>%1 不存在。</translation>
    </message>
    <message>
      <source>%1 is an old Excel 97-2003 workbook. Open it in Excel, save it as .xlsx and import that file.</source>
      <translation>%1 是旧版 Excel 97-2003 工作簿。请在 Excel 中打开并另存为 .xlsx，再导入该文件。</translation>
    </message>
    <message>
      <source>%1 is not an Excel .xlsx workbook.</source>
      <translation>%1 不是 Excel .xlsx 工作簿。</translation>
    </message>
    <message>
      <source>%1 has a header row but no rows below it.</source>
      <translation>%1 只有表头，没有数据行。</translation>
    </message>
    <message>
      <source>%1 has too many rows; split it into several files.</source>
      <translation>%1 行数过多，请拆分为几个文件。</translation>
    </message>
    <message>
      <source>Choose the column that holds the title: every issue needs one.</source>
      <translation>请选择存放问题标题的列：每个问题都必须有标题。</translation>
    </message>
    <message>
      <source>Two columns are imported as “%2”; choose one.</source>
      <translation>有两列都导入为“%2”，请只选一列。</translation>
    </message>
    <message>
      <source>No row can be imported.</source>
      <translation>没有可以导入的行。</translation>
    </message>
  </context>
  <context>
    <name>IssueForm</name>
    <message>
      <source>Issue</source>
      <translation>问题记录</translation>
    </message>
    <message>
      <source>Save the issue first; then its timeline starts here.</source>
      <translation>请先保存问题，之后在此记录处理过程。</translation>
    </message>
    <message>
      <source>a new issue</source>
      <translation>新问题</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>有未保存的修改</translation>
    </message>
    <message>
      <source>Changes to %1 were not saved (autosaved %2). Restore them?</source>
      <translation>%1 有未保存的修改（自动保存于 %2）。是否恢复？</translation>
    </message>
    <message>
      <source>Unsaved changes · draft kept %1</source>
      <translation>有未保存的修改 · 草稿已于 %1 自动保存</translation>
    </message>
    <message>
      <source>%1 has unsaved changes. Save them?</source>
      <translation>%1 有未保存的修改。是否保存？</translation>
    </message>
    <message>
      <source>The new issue</source>
      <translation>新问题</translation>
    </message>
  </context>
  <context>
    <name>IssueTableModel</name>
    <message>
      <source>Overdue: still open after the expected-by date</source>
      <translation>已逾期：超过要求解决日期仍未解决</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>问题标题</translation>
    </message>
    <message>
      <source>Module</source>
      <translation>模块</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>严重程度</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Assignee</source>
      <translation>处理顾问</translation>
    </message>
    <message>
      <source>Reporter</source>
      <translation>提出人</translation>
    </message>
    <message>
      <source>Reported at</source>
      <translation>提出时间</translation>
    </message>
    <message>
      <source>Expected by</source>
      <translation>要求解决</translation>
    </message>
    <message>
      <source>Updated</source>
      <translation>最后修改</translation>
    </message>
    <message>
      <source>SLA</source>
      <translation>SLA</translation>
    </message>
  </context>
  <context>
    <name>IssueText</name>
    <message>
      <source>%1 is %2 MB; attachments must be smaller than 50 MB.</source>
      <translation>%1 大小为 %2 MB；附件必须小于 50 MB。</translation>
    </message>
    <message>
      <source>%1 cannot be read; nothing was attached.</source>
      <translation>无法读取 %1，未添加附件。</translation>
    </message>
    <message>
      <source>Give the issue a title: what went wrong, in a few words.</source>
      <translation>请填写问题标题：用几个字说明出了什么问题。</translation>
    </message>
    <message>
      <source>Choose how the customer was notified.</source>
      <translation>请选择通报客户的方式。</translation>
    </message>
    <message>
      <source>Say whom at the customer you notified.</source>
      <translation>请填写通报了客户方的哪位人员。</translation>
    </message>
    <message>
      <source>Write the note first.</source>
      <translation>请先填写备注内容。</translation>
    </message>
    <message>
      <source>This field must be filled in.</source>
      <translation>此项必须填写。</translation>
    </message>
    <message>
      <source>Too long: at most %1 characters.</source>
      <translation>内容过长：最多 %1 个字符。</translation>
    </message>
    <message>
      <source>Unknown module. This project's modules are: %1.</source>
      <translation>模块不存在。本项目的模块有：%1。</translation>
    </message>
    <message>
      <source>Not a valid date.</source>
      <translation>日期无效。</translation>
    </message>
    <message>
      <source>The customer cannot confirm before the report date (%1).</source>
      <translation>客户确认日期不能早于报告日期（%1）。</translation>
    </message>
    <message>
      <source>The expected-by date is before the report date (%1).</source>
      <translation>要求解决日期早于提出日期（%1）。</translation>
    </message>
    <message>
      <source>Choose one of the listed values.</source>
      <translation>请从列表中选择。</translation>
    </message>
    <message>
      <source>Fill in the proposed handling first.</source>
      <translation>请先填写处理建议。</translation>
    </message>
    <message>
      <source>Fill in the resolution first.</source>
      <translation>请先填写解决方案。</translation>
    </message>
    <message>
      <source>Fill in who at the customer confirmed, and when.</source>
      <translation>请填写客户确认人和确认日期。</translation>
    </message>
    <message>
      <source>The issue already has this status.</source>
      <translation>问题已处于此状态。</translation>
    </message>
    <message>
      <source>The issue was transferred to O&amp;M and is followed up there.</source>
      <translation>问题已移交运营维护服务部门，由其继续跟进。</translation>
    </message>
    <message>
      <source>An issue that has been worked on cannot go back to new.</source>
      <translation>已开始处理的问题不能退回新建状态。</translation>
    </message>
    <message>
      <source>Only an escalated issue's solution is tested at the branch office.</source>
      <translation>只有已上报问题的解决方案才需在分公司测试。</translation>
    </message>
    <message>
      <source>Test the solution at the branch office before applying it on site.</source>
      <translation>解决方案须先在分公司测试，再到现场应用。</translation>
    </message>
    <message>
      <source>An escalated issue's solution is tested at the branch office and applied on site before the issue is resolved.</source>
      <translation>已上报的问题，解决方案须先经分公司测试并在现场应用，问题才能标记为已解决。</translation>
    </message>
    <message>
      <source>Only a resolved issue can be closed.</source>
      <translation>只有已解决的问题才能关闭。</translation>
    </message>
    <message>
      <source>The solution is already applied on site; reopen work first.</source>
      <translation>解决方案已在现场应用，请先退回处理。</translation>
    </message>
    <message>
      <source>Reopen the issue first.</source>
      <translation>请先重新打开问题。</translation>
    </message>
    <message>
      <source>The issue is deleted; restore it first.</source>
      <translation>问题已删除，请先恢复。</translation>
    </message>
    <message>
      <source>This field no longer has conflicting versions.</source>
      <translation>此字段已没有冲突的版本。</translation>
    </message>
    <message>
      <source>This field has conflicting versions from another computer; choose the one to keep in the conflict box first.</source>
      <translation>此字段有来自另一台电脑的冲突版本；请先在冲突框中选择要保留的值。</translation>
    </message>
    <message>
      <source>This status change is not allowed.</source>
      <translation>不允许此状态变更。</translation>
    </message>
    <message>
      <source>Status %1 → %2</source>
      <translation>状态 %1 → %2</translation>
    </message>
    <message>
      <source>Deleted the issue</source>
      <translation>删除了问题</translation>
    </message>
    <message>
      <source>Restored the issue</source>
      <translation>恢复了问题</translation>
    </message>
    <message>
      <source>Filled in %1: %2</source>
      <translation>填写了%1：%2</translation>
    </message>
    <message>
      <source>Cleared %1 (was %2)</source>
      <translation>清空了%1（原为“%2”）</translation>
    </message>
    <message>
      <source>Changed %1 from %2 to %3</source>
      <translation>将%1从“%2”改为“%3”</translation>
    </message>
    <message>
      <source>, </source>
      <translation>，</translation>
    </message>
    <message>
      <source>%1 (%2)</source>
      <translation>%1（%2）</translation>
    </message>
    <message>
      <source>Issue created: reported by %1 (%2)</source>
      <translation>创建问题：%1 报告（%2）</translation>
    </message>
    <message>
      <source>Issue created: reported by %1</source>
      <translation>创建问题：%1 报告</translation>
    </message>
    <message>
      <source>Issue created (%1)</source>
      <translation>创建问题（%1）</translation>
    </message>
    <message>
      <source>Issue created</source>
      <translation>创建问题</translation>
    </message>
  </context>
  <context>
    <name>IssuesPage</name>
    <message>
      <source>New issue</source>
      <translation>新建问题</translation>
    </message>
    <message>
      <source>Search issues</source>
      <translation>搜索问题</translation>
    </message>
    <message>
      <source>Issue register</source>
      <translation>系统运行问题跟踪记录</translation>
    </message>
    <message>
      <source>Record a new issue (Ctrl+N)</source>
      <translation>记录新问题（Ctrl+N）</translation>
    </message>
    <message>
      <source>The holiday calendar does not know %1: SLA times marked * count Monday to Friday only. Import that year's holidays (File ▸ Import holiday calendar…).</source>
      <translation>节假日日历中没有 %1 年的数据：标有 * 的 SLA 时间仅按周一至周五计算。请导入该年的节假日（文件 ▸ 导入节假日日历…）。</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>正在加载…</translation>
    </message>
    <message>
      <source>%1 of %2 issues</source>
      <translation>共 %2 条，显示 %1 条</translation>
    </message>
    <message>
      <source>%1 issues</source>
      <translation>共 %1 条</translation>
    </message>
    <message>
      <source>No issue matches these filters.</source>
      <translation>没有符合筛选条件的问题。</translation>
    </message>
    <message>
      <source>No issues recorded yet. Press Ctrl+N to record the first one.</source>
      <translation>还没有问题记录。按 Ctrl+N 记录第一个问题。</translation>
    </message>
    <message>
      <source>Issues</source>
      <translation>问题记录</translation>
    </message>
  </context>
  <context>
    <name>Labels</name>
    <message>
      <source>Consultant</source>
      <translation>顾问</translation>
    </message>
    <message>
      <source>Vendor PM</source>
      <translation>厂商项目经理</translation>
    </message>
    <message>
      <source>Customer PM</source>
      <translation>客户项目经理</translation>
    </message>
    <message>
      <source>Key user</source>
      <translation>关键用户</translation>
    </message>
    <message>
      <source>Internal support</source>
      <translation>内部支持人员</translation>
    </message>
    <message>
      <source>End user</source>
      <translation>最终用户</translation>
    </message>
    <message>
      <source>Vendor</source>
      <translation>厂商</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Preparing</source>
      <translation>准备中</translation>
    </message>
    <message>
      <source>Go-live support</source>
      <translation>上线支持</translation>
    </message>
    <message>
      <source>Handed over</source>
      <translation>已交接</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>已关闭</translation>
    </message>
    <message>
      <source>On site</source>
      <translation>现场</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Remote</source>
      <translation>远程</translation>
    </message>
    <message>
      <source>New</source>
      <translation>新建</translation>
    </message>
    <message>
      <source>In progress</source>
      <translation>处理中</translation>
    </message>
    <message>
      <source>Escalated</source>
      <translation>已上报</translation>
    </message>
    <message>
      <source>Branch tested</source>
      <translation>分公司测试通过</translation>
    </message>
    <message>
      <source>Applied on site</source>
      <translation>已现场应用</translation>
    </message>
    <message>
      <source>Resolved</source>
      <translation>已解决</translation>
    </message>
    <message>
      <source>Transferred to O&amp;M</source>
      <translation>已移交运维</translation>
    </message>
    <message>
      <source>Reopen</source>
      <translation>重新打开</translation>
    </message>
    <message>
      <source>Back to work</source>
      <translation>退回处理</translation>
    </message>
    <message>
      <source>Start work</source>
      <translation>开始处理</translation>
    </message>
    <message>
      <source>Escalate to PM</source>
      <translation>上报项目经理</translation>
    </message>
    <message>
      <source>Branch test passed</source>
      <translation>分公司测试通过</translation>
    </message>
    <message>
      <source>Resolve</source>
      <translation>标记已解决</translation>
    </message>
    <message>
      <source>Close (customer confirmed)</source>
      <translation>关闭（客户已确认）</translation>
    </message>
    <message>
      <source>Transfer to O&amp;M</source>
      <translation>移交运维</translation>
    </message>
    <message>
      <source>Urgent</source>
      <translation>紧急</translation>
    </message>
    <message>
      <source>High</source>
      <translation>高</translation>
    </message>
    <message>
      <source>Medium</source>
      <translation>中</translation>
    </message>
    <message>
      <source>Low</source>
      <translation>低</translation>
    </message>
    <message>
      <source>Operation error</source>
      <translation>操作错误</translation>
    </message>
    <message>
      <source>Configuration</source>
      <translation>配置</translation>
    </message>
    <message>
      <source>Data</source>
      <translation>数据</translation>
    </message>
    <message>
      <source>Software defect</source>
      <translation>系统缺陷</translation>
    </message>
    <message>
      <source>Change request</source>
      <translation>需求变更</translation>
    </message>
    <message>
      <source>Environment/printing</source>
      <translation>环境/打印</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Status change</source>
      <translation>状态变更</translation>
    </message>
    <message>
      <source>Field changed</source>
      <translation>字段修改</translation>
    </message>
    <message>
      <source>Customer notified</source>
      <translation>通报客户</translation>
    </message>
    <message>
      <source>Branch test</source>
      <translation>分公司测试</translation>
    </message>
    <message>
      <source>Created</source>
      <translation>创建</translation>
    </message>
    <message>
      <source>Mail</source>
      <translation>邮件</translation>
    </message>
    <message>
      <source>Instant message</source>
      <translation>即时通讯</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>no</source>
      <translation>否</translation>
    </message>
  </context>
  <context>
    <name>Legend</name>
    <message>
      <source>Holiday (Off)</source>
      <translation>节假日（休）</translation>
    </message>
    <message>
      <source>Adjusted working day (Work)</source>
      <translation>调休上班（班）</translation>
    </message>
    <message>
      <source>Double booked</source>
      <translation>重复安排</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>GoLive Desk</source>
      <translation>GoLive Desk 上线支持台</translation>
    </message>
    <message>
      <source>Project</source>
      <translation>项目</translation>
    </message>
    <message>
      <source>Project:</source>
      <translation>项目：</translation>
    </message>
    <message>
      <source>&amp;Edit project…</source>
      <translation>编辑项目(&amp;E)…</translation>
    </message>
    <message>
      <source>Edit project…</source>
      <translation>编辑项目…</translation>
    </message>
    <message>
      <source>Name, customer, dates, modules, document number prefix, on-site days</source>
      <translation>名称、客户、日期、模块、文档编号前缀、驻场天数</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;New project…</source>
      <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
      <source>Add &amp;demo project</source>
      <translation>添加演示项目(&amp;D)</translation>
    </message>
    <message>
      <source>New &amp;issue</source>
      <translation>新建问题(&amp;I)</translation>
    </message>
    <message>
      <source>&amp;Print…</source>
      <translation>打印(&amp;P)…</translation>
    </message>
    <message>
      <source>&amp;Export bundle…</source>
      <translation>导出数据包(&amp;E)…</translation>
    </message>
    <message>
      <source>I&amp;mport bundle…</source>
      <translation>导入数据包(&amp;M)…</translation>
    </message>
    <message>
      <source>Import &amp;holiday calendar…</source>
      <translation>导入节假日日历(&amp;H)…</translation>
    </message>
    <message>
      <source>&amp;Settings…</source>
      <translation>设置(&amp;S)…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>Open &amp;log folder</source>
      <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;About GoLive Desk</source>
      <translation>关于 GoLive Desk(&amp;A)</translation>
    </message>
    <message>
      <source>branch office</source>
      <translation>分公司</translation>
    </message>
    <message>
      <source>laptop</source>
      <translation>笔记本</translation>
    </message>
    <message>
      <source>%1 (%2) · %3 · node %4</source>
      <translation>%1（%2）· %3 · 节点 %4</translation>
    </message>
    <message>
      <source>About GoLive Desk</source>
      <translation>关于 GoLive Desk</translation>
    </message>
    <message>
      <source>&lt;h3&gt;GoLive Desk %1&lt;/h3&gt;&lt;p&gt;The go-live support desk for ERP implementation consultants: issue records, support calendar, handover and offline sync.&lt;/p&gt;&lt;p&gt;Store: %2&lt;br&gt;Log: %3&lt;/p&gt;&lt;p&gt;Chinese font: WenQuanYi Micro Hei (Apache-2.0).&lt;/p&gt;</source>
      <translation>&lt;h3&gt;GoLive Desk %1&lt;/h3&gt;&lt;p&gt;ERP 实施顾问的上线支持工具：问题记录、现场支持时间表、交接和离线同步。&lt;/p&gt;&lt;p&gt;数据库：%2&lt;br&gt;日志：%3&lt;/p&gt;&lt;p&gt;中文字体：文泉驿微米黑（Apache-2.0）。&lt;/p&gt;</translation>
    </message>
  </context>
  <context>
    <name>MonthGrid</name>
    <message>
      <source>+%1 more</source>
      <translation>另有 %1 条</translation>
    </message>
  </context>
  <context>
    <name>NotesEditor</name>
    <message>
      <source>Search symptom, cause, solution, module…</source>
      <translation>搜索现象、原因、解决方法、模块…</translation>
    </message>
    <message>
      <source>Add note</source>
      <translation>添加条目</translation>
    </message>
    <message>
      <source>Delete note</source>
      <translation>删除条目</translation>
    </message>
    <message>
      <source>Module</source>
      <translation>模块</translation>
    </message>
    <message>
      <source>Symptom</source>
      <translation>现象</translation>
    </message>
    <message>
      <source>Cause</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Solution</source>
      <translation>解决方法</translation>
    </message>
    <message>
      <source>(no module)</source>
      <translation>（无模块）</translation>
    </message>
    <message>
      <source>(no symptom)</source>
      <translation>（无现象）</translation>
    </message>
    <message>
      <source>%1 (%2)</source>
      <translation>%1（%2）</translation>
    </message>
    <message>
      <source>From issue %1</source>
      <translation>来自问题 %1</translation>
    </message>
    <message>
      <source>A note of its own (no issue)</source>
      <translation>独立条目（无对应问题）</translation>
    </message>
    <message>
      <source>A note needs its symptom.</source>
      <translation>条目需要填写现象。</translation>
    </message>
    <message>
      <source>Delete this maintenance note?</source>
      <translation>删除维护手册中的这个条目？</translation>
    </message>
  </context>
  <context>
    <name>NotesStep</name>
    <message>
      <source>3. Maintenance notes</source>
      <translation>3. 维护手册</translation>
    </message>
    <message>
      <source>Symptom, cause and solution of each resolved issue flagged for the maintenance notes, by module: the customer's first-line knowledge base. Edit them, add your own.</source>
      <translation>标记为“列入维护事项”的已解决问题的现象、原因和解决方法，按模块整理：客户一线支持的知识库。可修改，也可自行添加。</translation>
    </message>
  </context>
  <context>
    <name>OnSiteNote</name>
    <message>
      <source>On site: %1</source>
      <translation>现场：%1</translation>
    </message>
    <message>
      <source>, </source>
      <translation>、</translation>
    </message>
    <message>
      <source>Nobody on site</source>
      <translation>无人在现场</translation>
    </message>
    <message>
      <source>From the support calendar: who was on site for this project on the day the issue was reported</source>
      <translation>来自现场支持日程：报告当天在本项目现场的人员</translation>
    </message>
  </context>
  <context>
    <name>OpenIssuesModel</name>
    <message>
      <source>Number</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>严重程度</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Module</source>
      <translation>模块</translation>
    </message>
    <message>
      <source>Assignee</source>
      <translation>处理顾问</translation>
    </message>
  </context>
  <context>
    <name>OpenIssuesStep</name>
    <message>
      <source>2. Open issues</source>
      <translation>2. 未关闭问题</translation>
    </message>
    <message>
      <source>Every issue still open is transferred to the O&amp;M service department, with who follows it up and the plan, or closed. Sign-off is refused while any is left.</source>
      <translation>每个仍未关闭的问题都要移交运营维护服务部门（写明跟进人和计划）或关闭。还有遗留问题时不能签字验收。</translation>
    </message>
    <message>
      <source>Check all</source>
      <translation>全选</translation>
    </message>
    <message>
      <source>Check none</source>
      <translation>全不选</translation>
    </message>
    <message>
      <source>Open in the issue form</source>
      <translation>在问题记录单中打开</translation>
    </message>
    <message>
      <source>Close it there, or record its action plan</source>
      <translation>在那里关闭它，或填写处理方案</translation>
    </message>
    <message>
      <source>who follows them up</source>
      <translation>由谁跟进</translation>
    </message>
    <message>
      <source>the plan: what will be done, by when</source>
      <translation>计划：做什么，何时完成</translation>
    </message>
    <message>
      <source>Transfer checked to O&amp;M</source>
      <translation>将勾选的问题移交运维</translation>
    </message>
    <message>
      <source>Owner (O&amp;M)</source>
      <translation>跟进人（运维）</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>计划</translation>
    </message>
    <message>
      <source>%1 open issues are neither transferred nor closed (%2 already transferred)</source>
      <translation>%1 个问题既未移交也未关闭（已移交 %2 个）</translation>
    </message>
    <message>
      <source>Every issue is closed or transferred (%1 transferred to O&amp;M)</source>
      <translation>所有问题均已关闭或移交（移交运维 %1 个）</translation>
    </message>
    <message>
      <source>Choose who follows them up in the O&amp;M service department.</source>
      <translation>请选择运营维护服务部门的跟进人。</translation>
    </message>
    <message>
      <source>Choose an issue in the list first.</source>
      <translation>请先在列表中选择一个问题。</translation>
    </message>
    <message>
      <source>Open %1 from the Issues page (search for its number).</source>
      <translation>请在“问题”页面打开 %1（按编号搜索）。</translation>
    </message>
    <message>
      <source>%1 is open in the main window; this list follows what you save there.</source>
      <translation>%1 已在主窗口中打开；在那里保存后此列表随之更新。</translation>
    </message>
    <message>
      <source>Check the issues to transfer in the first column.</source>
      <translation>请在第一列勾选要移交的问题。</translation>
    </message>
    <message>
      <source>Who follows them up?</source>
      <translation>由谁跟进？</translation>
    </message>
    <message>
      <source>Write the plan.</source>
      <translation>请填写计划。</translation>
    </message>
    <message>
      <source>%1 issues transferred to the O&amp;M service department.</source>
      <translation>已将 %1 个问题移交运营维护服务部门。</translation>
    </message>
  </context>
  <context>
    <name>OverviewPage</name>
    <message>
      <source>SLA policy…</source>
      <translation>SLA 策略…</translation>
    </message>
    <message>
      <source>Targets per severity, working hours, at-risk threshold</source>
      <translation>各严重程度的目标、工作时间、风险阈值</translation>
    </message>
    <message>
      <source>Dashboard</source>
      <translation>仪表盘</translation>
    </message>
    <message>
      <source>People</source>
      <translation>项目人员</translation>
    </message>
    <message>
      <source>No project yet</source>
      <translation>还没有项目</translation>
    </message>
    <message>
      <source>Create a project with File ▸ New project…</source>
      <translation>请通过“文件 ▸ 新建项目…”创建项目</translation>
    </message>
    <message>
      <source>go-live %1</source>
      <translation>上线 %1</translation>
    </message>
    <message>
      <source>Day %1 since go-live</source>
      <translation>上线第 %1 天</translation>
    </message>
    <message>
      <source>Go-live in %1 days</source>
      <translation>距上线还有 %1 天</translation>
    </message>
    <message>
      <source>Month-end close today (%1)</source>
      <translation>今天月结（%1）</translation>
    </message>
    <message>
      <source>Month-end close %1 · in %2 days</source>
      <translation>月结 %1 · 还有 %2 天</translation>
    </message>
    <message>
      <source>Vendor: %1 · Customer: %2</source>
      <translation>厂商：%1 · 客户：%2</translation>
    </message>
  </context>
  <context>
    <name>PageCatalog</name>
    <message>
      <source>Overview</source>
      <translation>项目概览</translation>
    </message>
    <message>
      <source>Issues</source>
      <translation>问题记录</translation>
    </message>
    <message>
      <source>Calendar</source>
      <translation>支持日程</translation>
    </message>
    <message>
      <source>Handover</source>
      <translation>交接</translation>
    </message>
    <message>
      <source>Sync</source>
      <translation>同步</translation>
    </message>
  </context>
  <context>
    <name>PeersModel</name>
    <message>
      <source>Branch office</source>
      <translation>分公司</translation>
    </message>
    <message>
      <source>Laptop</source>
      <translation>笔记本</translation>
    </message>
    <message>
      <source>Trusted</source>
      <translation>已信任</translation>
    </message>
    <message>
      <source>Not trusted</source>
      <translation>未信任</translation>
    </message>
    <message>
      <source>never</source>
      <translation>从未</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Key fingerprint</source>
      <translation>密钥指纹</translation>
    </message>
    <message>
      <source>Computer</source>
      <translation>电脑</translation>
    </message>
    <message>
      <source>Trust</source>
      <translation>信任</translation>
    </message>
    <message>
      <source>Last exchange</source>
      <translation>上次交换</translation>
    </message>
  </context>
  <context>
    <name>PeopleModel</name>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>Side</source>
      <translation>所属方</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>电子邮件</translation>
    </message>
    <message>
      <source>Modules covered</source>
      <translation>负责模块</translation>
    </message>
  </context>
  <context>
    <name>PeopleTab</name>
    <message>
      <source>Add person…</source>
      <translation>添加人员…</translation>
    </message>
  </context>
  <context>
    <name>PersonDialog</name>
    <message>
      <source>Add person</source>
      <translation>添加人员</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>Initials</source>
      <translation>姓名缩写</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>电子邮件</translation>
    </message>
    <message>
      <source>Please enter the person's name.</source>
      <translation>请输入人员姓名。</translation>
    </message>
    <message>
      <source>Initials are 1 to 4 Latin letters.</source>
      <translation>姓名缩写为 1 到 4 个拉丁字母。</translation>
    </message>
    <message>
      <source>This is not an e-mail address.</source>
      <translation>这不是有效的电子邮件地址。</translation>
    </message>
  </context>
  <context>
    <name>PlanDialog</name>
    <message>
      <source>Support plan for %1</source>
      <translation>%1 的支持计划</translation>
    </message>
    <message>
      <source>On site on go-live day and the first working days, then tapering to phone and remote support until the planned exit; on site again for each month-end close. Untick what you do not want, change a mode by double-clicking it, then apply.</source>
      <translation>上线当天及之后的头几个工作日全员驻场，之后逐步转为电话和远程支持直至计划撤离现场；每次月结再回现场。取消勾选不需要的行，双击方式可修改，然后应用。</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>应用</translation>
    </message>
  </context>
  <context>
    <name>PrintPreviewDialog</name>
    <message>
      <source>Preparing the document…</source>
      <translation>正在生成文档…</translation>
    </message>
    <message>
      <source>&amp;Print…</source>
      <translation>打印(&amp;P)…</translation>
    </message>
    <message>
      <source>&amp;Save as PDF…</source>
      <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
      <source>Zoom out</source>
      <translation>缩小</translation>
    </message>
    <message>
      <source>Zoom in</source>
      <translation>放大</translation>
    </message>
    <message>
      <source>Language of the printed document</source>
      <translation>打印文档的语言</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Page %1 of %2</source>
      <translation>第 %1 页 / 共 %2 页</translation>
    </message>
    <message>
      <source>Pages: %1</source>
      <translation>共 %1 页</translation>
    </message>
    <message>
      <source>Cannot print</source>
      <translation>无法打印</translation>
    </message>
    <message>
      <source>Save as PDF</source>
      <translation>另存为 PDF</translation>
    </message>
    <message>
      <source>PDF documents (*.pdf)</source>
      <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
      <source>Saved to %1</source>
      <translation>已保存到 %1</translation>
    </message>
    <message>
      <source>Cannot save the PDF</source>
      <translation>无法保存 PDF</translation>
    </message>
    <message>
      <source>Printing…</source>
      <translation>正在打印…</translation>
    </message>
    <message>
      <source>Pages sent to the printer: %1</source>
      <translation>已发送到打印机：%1 页</translation>
    </message>
    <message>
      <source>The printer could not be started. Check that it is switched on and connected, then try again.</source>
      <translation>无法启动打印机。请检查打印机已开机并连接，然后重试。</translation>
    </message>
  </context>
  <context>
    <name>Printing</name>
    <message>
      <source>Issue sheets</source>
      <translation>问题跟踪记录单</translation>
    </message>
    <message>
      <source>Print issue sheets</source>
      <translation>打印问题跟踪记录单</translation>
    </message>
    <message>
      <source>Issue tracking record</source>
      <translation>系统运行问题跟踪记录</translation>
    </message>
    <message>
      <source>Print the issue tracking record</source>
      <translation>打印系统运行问题跟踪记录</translation>
    </message>
    <message>
      <source>Project handover and acceptance</source>
      <translation>项目交接与验收</translation>
    </message>
    <message>
      <source>Print the handover document</source>
      <translation>打印项目交接与验收文档</translation>
    </message>
    <message>
      <source>Export the register</source>
      <translation>导出问题记录</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
      <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
      <source>Exported %1 issues to %2.</source>
      <translation>已将 %1 个问题导出到 %2。</translation>
    </message>
    <message>
      <source>Import issues from Excel</source>
      <translation>从 Excel 导入问题</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Print and export</source>
      <translation>打印和导出</translation>
    </message>
    <message>
      <source>Print the selected issue sheets…</source>
      <translation>打印所选问题的跟踪记录单…</translation>
    </message>
    <message>
      <source>Print the whole register…</source>
      <translation>打印全部问题跟踪记录…</translation>
    </message>
    <message>
      <source>Print the register as filtered…</source>
      <translation>按当前筛选打印问题跟踪记录…</translation>
    </message>
    <message>
      <source>Export the register as filtered (Excel, CSV)…</source>
      <translation>按当前筛选导出问题记录（Excel、CSV）…</translation>
    </message>
    <message>
      <source>Import issues from Excel…</source>
      <translation>从 Excel 导入问题…</translation>
    </message>
  </context>
  <context>
    <name>ProjectDialog</name>
    <message>
      <source>New project</source>
      <translation>新建项目</translation>
    </message>
    <message>
      <source>e.g. HX</source>
      <translation>例如：HX</translation>
    </message>
    <message>
      <source>e.g. 华星电子 ERP 上线支持</source>
      <translation>例如：华星电子 ERP 上线支持</translation>
    </message>
    <message>
      <source>Known</source>
      <translation>已确定</translation>
    </message>
    <message>
      <source>the project code</source>
      <translation>项目代码</translation>
    </message>
    <message>
      <source>Numbers the printed sheets and register: &lt;prefix&gt;_7_1_1_1 (the methodology's xx_xx). Empty: the project code.</source>
      <translation>打印的记录单和记录表编号为：&lt;前缀&gt;_7_1_1_1（即方法论中的 xx_xx）。留空则使用项目代码。</translation>
    </message>
    <message>
      <source>Project code</source>
      <translation>项目代码</translation>
    </message>
    <message>
      <source>Project name</source>
      <translation>项目名称</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Go-live date</source>
      <translation>上线日期</translation>
    </message>
    <message>
      <source>First month-end close</source>
      <translation>月底首次结账</translation>
    </message>
    <message>
      <source>Document number prefix</source>
      <translation>文档编号前缀</translation>
    </message>
    <message>
      <source>2 to 10 letters or digits, starting with a letter (e.g. HX).</source>
      <translation>2 到 10 个字母或数字，以字母开头（例如 HX）。</translation>
    </message>
    <message>
      <source>Please enter the project's name.</source>
      <translation>请输入项目名称。</translation>
    </message>
    <message>
      <source>Please enter the customer.</source>
      <translation>请输入客户名称。</translation>
    </message>
    <message>
      <source>The first month-end close cannot be before go-live.</source>
      <translation>月底首次结账日期不能早于上线日期。</translation>
    </message>
    <message>
      <source>Up to 40 characters without spaces (e.g. HX).</source>
      <translation>最多 40 个字符，不含空格（例如 HX）。</translation>
    </message>
  </context>
  <context>
    <name>ProposalModel</name>
    <message>
      <source>Use</source>
      <translation>采用</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>人员</translation>
    </message>
    <message>
      <source>From</source>
      <translation>开始</translation>
    </message>
    <message>
      <source>To</source>
      <translation>结束</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时段</translation>
    </message>
    <message>
      <source>Mode</source>
      <translation>方式</translation>
    </message>
  </context>
  <context>
    <name>ReadinessStep</name>
    <message>
      <source>1. Readiness for handover</source>
      <translation>1. 交接准备度</translation>
    </message>
    <message>
      <source>The exit criteria, counted from the store today. The project manager may go on with red criteria, with the reason recorded.</source>
      <translation>根据当前数据统计的退出标准。存在未达标项时，项目经理可以在记录理由后继续。</translation>
    </message>
    <message>
      <source>Reason to go on although criteria are red:</source>
      <translation>存在未达标项仍继续交接的理由：</translation>
    </message>
    <message>
      <source>e.g. the customer's PM accepts the open month-end items; the O&amp;M department follows them up</source>
      <translation>例如：客户项目经理接受月结遗留事项，由运营维护服务部门跟进</translation>
    </message>
    <message>
      <source>%1 of %2 exit criteria met</source>
      <translation>%2 项退出标准中已达标 %1 项</translation>
    </message>
    <message>
      <source>Remarks (optional):</source>
      <translation>备注（可选）：</translation>
    </message>
    <message>
      <source>Some criteria are red: write the reason to go on (it is kept with the handover).</source>
      <translation>有未达标的标准：请填写继续交接的理由（随交接记录保存）。</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>Follow the system</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <source>Initials are part of every issue number already given, so they cannot change.</source>
      <translation>姓名缩写已用于已分配的问题编号，因此不能更改。</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <source>Your name</source>
      <translation>您的姓名</translation>
    </message>
    <message>
      <source>Initials</source>
      <translation>姓名缩写</translation>
    </message>
    <message>
      <source>Please enter your name.</source>
      <translation>请输入您的姓名。</translation>
    </message>
  </context>
  <context>
    <name>SheetFields</name>
    <message>
      <source>e.g. 采购入库单</source>
      <translation>例如：采购入库单</translation>
    </message>
    <message>
      <source>Add to the maintenance matters for the handover</source>
      <translation>列入维护事项（交接时移交）</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>问题信息</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>问题标题</translation>
    </message>
    <message>
      <source>Module</source>
      <translation>模块</translation>
    </message>
    <message>
      <source>Function/document</source>
      <translation>功能/单据</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>问题类别</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>严重程度</translation>
    </message>
    <message>
      <source>Reporter</source>
      <translation>提出人</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>提出部门</translation>
    </message>
    <message>
      <source>Reported at</source>
      <translation>提出时间</translation>
    </message>
    <message>
      <source>Support mode</source>
      <translation>支持方式</translation>
    </message>
    <message>
      <source>Expected by</source>
      <translation>要求解决日期</translation>
    </message>
    <message>
      <source>Assignee</source>
      <translation>处理顾问</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>问题描述</translation>
    </message>
    <message>
      <source>Analysis</source>
      <translation>原因分析与处理建议</translation>
    </message>
    <message>
      <source>Cause analysis</source>
      <translation>原因分析</translation>
    </message>
    <message>
      <source>Proposed handling</source>
      <translation>处理建议</translation>
    </message>
    <message>
      <source>Resolution and confirmation</source>
      <translation>解决与客户确认</translation>
    </message>
    <message>
      <source>Resolution</source>
      <translation>解决方案</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>解决结果</translation>
    </message>
    <message>
      <source>Confirmed by</source>
      <translation>客户确认人</translation>
    </message>
    <message>
      <source>Confirmed on</source>
      <translation>确认日期</translation>
    </message>
  </context>
  <context>
    <name>SignOffStep</name>
    <message>
      <source>7. Acceptance and sign-off</source>
      <translation>7. 项目验收与签字</translation>
    </message>
    <message>
      <source>The implementation department hands the project over to the O&amp;M service department; the customer's and the vendor's project managers sign the acceptance. The printed document has the signature boxes.</source>
      <translation>实施部门将项目移交运营维护服务部门；客户和实施方项目经理签字验收。打印的文档中有签字栏。</translation>
    </message>
    <message>
      <source>Hands over (implementation department)</source>
      <translation>移交方（实施部门）</translation>
    </message>
    <message>
      <source>Receives (O&amp;M service department)</source>
      <translation>接收方（运营维护服务部门）</translation>
    </message>
    <message>
      <source>Customer's project manager</source>
      <translation>客户项目经理</translation>
    </message>
    <message>
      <source>Vendor's project manager</source>
      <translation>实施方项目经理</translation>
    </message>
    <message>
      <source>name of the implementation consultant or manager</source>
      <translation>实施顾问或经理姓名</translation>
    </message>
    <message>
      <source>name in the O&amp;M service department</source>
      <translation>运营维护服务部门人员姓名</translation>
    </message>
    <message>
      <source>Acceptance date</source>
      <translation>验收日期</translation>
    </message>
    <message>
      <source>Sign off the handover</source>
      <translation>签字验收</translation>
    </message>
    <message>
      <source>Go to the open issues</source>
      <translation>转到未关闭问题</translation>
    </message>
    <message>
      <source>Not signed off yet. You can close the wizard and come back: everything typed is saved.</source>
      <translation>尚未签字验收。可以随时关闭向导稍后继续：填写的内容都已保存。</translation>
    </message>
    <message>
      <source>Sign-off refused: %1 open issues are neither transferred nor closed (%2).
Transfer or close them on page 2.</source>
      <translation>不能签字验收：%1 个问题既未移交也未关闭（%2）。
请在第 2 页移交或关闭这些问题。</translation>
    </message>
    <message>
      <source>Needed for the acceptance.</source>
      <translation>验收需要填写此项。</translation>
    </message>
    <message>
      <source>The acceptance cannot be before go-live (%1).</source>
      <translation>验收日期不能早于上线日期（%1）。</translation>
    </message>
  </context>
  <context>
    <name>SlaPolicyDialog</name>
    <message>
      <source>SLA policy</source>
      <translation>SLA 策略</translation>
    </message>
    <message>
      <source>Targets in working time on the site's hours and the Chinese working-day calendar: 2h is two working hours, 1d one working day. Changing the policy recomputes every issue's clock.</source>
      <translation>目标按现场工作时间和中国工作日历计算：2h 为 2 个工作小时，1d 为 1 个工作日。修改策略后，所有问题的计时都会重新计算。</translation>
    </message>
    <message>
      <source>response, e.g. 2h</source>
      <translation>响应，如 2h</translation>
    </message>
    <message>
      <source>resolution, e.g. 1d</source>
      <translation>解决，如 1d</translation>
    </message>
    <message>
      <source>Response</source>
      <translation>响应</translation>
    </message>
    <message>
      <source>Resolution</source>
      <translation>解决</translation>
    </message>
    <message>
      <source>Working hours</source>
      <translation>工作时间</translation>
    </message>
    <message>
      <source>At risk from</source>
      <translation>风险阈值</translation>
    </message>
    <message>
      <source>A target must be more than zero.</source>
      <translation>目标必须大于零。</translation>
    </message>
    <message>
      <source>Write a working time such as 2h (hours) or 1d (working days).</source>
      <translation>请填写工作时间，如 2h（小时）或 1d（工作日）。</translation>
    </message>
    <message>
      <source>%1–%2 ends before it starts.</source>
      <translation>%1–%2 的结束时间早于开始时间。</translation>
    </message>
    <message>
      <source>%1 and %2 overlap.</source>
      <translation>%1 与 %2 重叠。</translation>
    </message>
    <message>
      <source>Write the periods as 08:30-12:00, 13:00-17:30.</source>
      <translation>请按 08:30-12:00, 13:00-17:30 的格式填写时段。</translation>
    </message>
  </context>
  <context>
    <name>SlaText</name>
    <message>
      <source>%1 h %2 min</source>
      <translation>%1小时%2分</translation>
    </message>
    <message>
      <source>%1 min</source>
      <translation>%1分钟</translation>
    </message>
    <message>
      <source>overdue %1</source>
      <translation>超期 %1</translation>
    </message>
    <message>
      <source>met</source>
      <translation>已达成</translation>
    </message>
    <message>
      <source>paused · %1 left</source>
      <translation>暂停 · 剩余 %1</translation>
    </message>
    <message>
      <source>%1 left</source>
      <translation>剩余 %1</translation>
    </message>
    <message>
      <source>Response: %1 of %2 used</source>
      <translation>响应：已用 %1 / %2</translation>
    </message>
    <message>
      <source>Resolution: %1 of %2 used</source>
      <translation>解决：已用 %1 / %2</translation>
    </message>
    <message>
      <source>Paused: waiting for the customer</source>
      <translation>暂停：等待客户确认</translation>
    </message>
    <message>
      <source>The holiday calendar does not know %1: counted Monday to Friday.</source>
      <translation>节假日日历中没有 %1 年的数据：按周一至周五计算。</translation>
    </message>
  </context>
  <context>
    <name>SlotDialog</name>
    <message>
      <source>Edit support slot</source>
      <translation>编辑支持安排</translation>
    </message>
    <message>
      <source>New support slot</source>
      <translation>新建支持安排</translation>
    </message>
    <message>
      <source>e.g. month-end close with the finance team</source>
      <translation>例如：与财务部一起月结</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>人员</translation>
    </message>
    <message>
      <source>Mode</source>
      <translation>方式</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时段</translation>
    </message>
    <message>
      <source>From</source>
      <translation>开始</translation>
    </message>
    <message>
      <source>To</source>
      <translation>结束</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>The project has no one to schedule.</source>
      <translation>项目中还没有可以安排的人员。</translation>
    </message>
    <message>
      <source>The last day is before the first.</source>
      <translation>结束日期早于开始日期。</translation>
    </message>
  </context>
  <context>
    <name>StatusList</name>
    <message>
      <source>All issues</source>
      <translation>全部问题</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>未完成</translation>
    </message>
  </context>
  <context>
    <name>SupportCard</name>
    <message>
      <source>No support scheduled this week</source>
      <translation>本周没有支持安排</translation>
    </message>
    <message>
      <source>Open calendar</source>
      <translation>打开支持日程</translation>
    </message>
    <message>
      <source>Show the support calendar</source>
      <translation>查看支持日程</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>今日</translation>
    </message>
    <message>
      <source>reading the schedule…</source>
      <translation>正在读取日程…</translation>
    </message>
    <message>
      <source>nobody scheduled</source>
      <translation>无人安排</translation>
    </message>
  </context>
  <context>
    <name>SyncPage</name>
    <message>
      <source>Sync bundles</source>
      <translation>同步数据包</translation>
    </message>
    <message>
      <source>No network needed: export a bundle, carry it on a USB stick or by mail, import it on the other side. Drop a bundle here to import it.</source>
      <translation>无需网络：导出数据包，用 U 盘或邮件带走，在另一端导入即可。把数据包拖到这里即可导入。</translation>
    </message>
    <message>
      <source>This computer: %1 (%2) · key fingerprint %3</source>
      <translation>本机：%1（%2）· 密钥指纹 %3</translation>
    </message>
    <message>
      <source>Export bundle…</source>
      <translation>导出数据包…</translation>
    </message>
    <message>
      <source>Import bundle…</source>
      <translation>导入数据包…</translation>
    </message>
    <message>
      <source>Conflict inbox</source>
      <translation>冲突收件箱</translation>
    </message>
    <message>
      <source>&lt;p&gt;No bundle exchanged in this session yet.&lt;/p&gt;</source>
      <translation>&lt;p&gt;本次会话尚未交换数据包。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Last report</source>
      <translation>最近报告</translation>
    </message>
    <message>
      <source>Other computers</source>
      <translation>其他电脑</translation>
    </message>
    <message>
      <source>Conflict inbox (%1)</source>
      <translation>冲突收件箱（%1）</translation>
    </message>
    <message>
      <source>Save bundle as</source>
      <translation>数据包另存为</translation>
    </message>
    <message>
      <source>GoLive bundles (*.golive)</source>
      <translation>GoLive 数据包 (*.golive)</translation>
    </message>
    <message>
      <source>Import bundle</source>
      <translation>导入数据包</translation>
    </message>
    <message>
      <source>GoLive bundles (*.golive);;All files (*)</source>
      <translation>GoLive 数据包 (*.golive);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Encrypted bundle</source>
      <translation>加密的数据包</translation>
    </message>
    <message>
      <source>This bundle is encrypted. Passphrase:</source>
      <translation>该数据包已加密。请输入口令：</translation>
    </message>
    <message>
      <source>This bundle comes from %1 (%2), a computer this store does not know yet.

Key fingerprint: %3
%4 changes, %5 attachments.

Compare the fingerprint with the one shown on that computer's Sync page. Trust it and import?</source>
      <translation>该数据包来自 %1（%2），本数据库尚不认识这台电脑。

密钥指纹：%3
%4 项修改，%5 个附件。

请与那台电脑“同步”页面上显示的指纹核对。信任并导入吗？</translation>
    </message>
    <message>
      <source>Unknown computer</source>
      <translation>未知的电脑</translation>
    </message>
    <message>
      <source>Bundle refused</source>
      <translation>数据包被拒绝</translation>
    </message>
  </context>
  <context>
    <name>SyncReport</name>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Attachments</source>
      <translation>附件</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>大小</translation>
    </message>
    <message>
      <source>Bundle written</source>
      <translation>数据包已写出</translation>
    </message>
    <message>
      <source>Nothing new: this store already had everything in the bundle.</source>
      <translation>没有新内容：本数据库已包含该数据包中的全部内容。</translation>
    </message>
    <message>
      <source>Bundle imported</source>
      <translation>数据包已导入</translation>
    </message>
    <message>
      <source>From</source>
      <translation>来自</translation>
    </message>
    <message>
      <source>Issues</source>
      <translation>问题</translation>
    </message>
    <message>
      <source>Notes and steps</source>
      <translation>处理过程记录</translation>
    </message>
    <message>
      <source>People</source>
      <translation>人员</translation>
    </message>
    <message>
      <source>Project members</source>
      <translation>项目成员</translation>
    </message>
    <message>
      <source>Projects</source>
      <translation>项目</translation>
    </message>
    <message>
      <source>Holiday calendars</source>
      <translation>节假日安排</translation>
    </message>
    <message>
      <source>Support days</source>
      <translation>支持日程</translation>
    </message>
    <message>
      <source>Milestones</source>
      <translation>里程碑</translation>
    </message>
    <message>
      <source>Emergency plan scenarios</source>
      <translation>应急预案场景</translation>
    </message>
    <message>
      <source>Maintenance notes</source>
      <translation>维护手册条目</translation>
    </message>
    <message>
      <source>Open folder</source>
      <translation>打开所在文件夹</translation>
    </message>
    <message>
      <source>New or changed</source>
      <translation>新增或更新</translation>
    </message>
    <message>
      <source>Edits waiting for an earlier bundle</source>
      <translation>等待更早数据包后再应用的编辑</translation>
    </message>
    <message>
      <source>New conflicts</source>
      <translation>新冲突</translation>
    </message>
    <message>
      <source>Computers enrolled</source>
      <translation>已登记的电脑</translation>
    </message>
    <message>
      <source>Conflicts to resolve</source>
      <translation>待解决的冲突</translation>
    </message>
    <message>
      <source>%1 · %2: %3</source>
      <translation>%1 · %2：%3</translation>
    </message>
    <message>
      <source>Warnings</source>
      <translation>警告</translation>
    </message>
    <message>
      <source>dated in the future (e.g. %1)</source>
      <translation>的日期在未来（例如 %1）</translation>
    </message>
    <message>
      <source>dated %1, long before this program existed</source>
      <translation>的日期为 %1，远早于本程序问世</translation>
    </message>
    <message>
      <source>dated before the edits they build on (e.g. %1)</source>
      <translation>的日期早于其所基于的修改（例如 %1）</translation>
    </message>
    <message>
      <source>with a logical clock that jumps far ahead (%1)</source>
      <translation>的逻辑时钟跳得过远（%1）</translation>
    </message>
    <message>
      <source>with an unreadable date</source>
      <translation>的日期无法识别</translation>
    </message>
    <message>
      <source>Clock skew: %1 change(s) from %2 (computer %3) are %4; check that computer's clock. The merge does not use clock time, so nothing else changes.</source>
      <translation>时钟异常：来自 %2（电脑 %3）的 %1 项修改%4；请检查那台电脑的时钟。合并不使用时钟时间，其他内容不受影响。</translation>
    </message>
    <message>
      <source>%1 projects now share the code %2 (created on different computers); rename or delete one of them.</source>
      <translation>现在有 %1 个项目使用同一代码 %2（在不同电脑上创建）；请重命名或删除其中一个。</translation>
    </message>
    <message>
      <source>%1 issues now share the number %2: two computers number issues with the same initials. Open them by their titles and set up one of the computers with other initials.</source>
      <translation>现在有 %1 个问题使用同一编号 %2：两台电脑用相同的姓名缩写为问题编号。请按标题分别打开它们，并为其中一台电脑设置其他缩写。</translation>
    </message>
  </context>
  <context>
    <name>TeamGrid</name>
    <message>
      <source>Days on site for %1 this month, as the printed schedule counts them: a half day counts 0.5.</source>
      <translation>本月在 %1 的现场天数，与打印的支持时间表算法相同：半天计 0.5 天。</translation>
    </message>
    <message>
      <source>On site for every customer: %1 d</source>
      <translation>所有客户合计现场：%1 天</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>人员</translation>
    </message>
    <message>
      <source>On site</source>
      <translation>现场天数</translation>
    </message>
    <message>
      <source>%1, days</source>
      <translation>%1 · 天</translation>
    </message>
    <message>
      <source>Off</source>
      <translation>休</translation>
    </message>
    <message>
      <source>Work</source>
      <translation>班</translation>
    </message>
    <message>
      <source>%1 d</source>
      <translation>%1 天</translation>
    </message>
  </context>
  <context>
    <name>ThresholdsDialog</name>
    <message>
      <source>Exit thresholds</source>
      <translation>交接准则阈值</translation>
    </message>
    <message>
      <source>What each exit criterion must reach before the handover, for this project. The defaults: no urgent issue without a plan, 90 % of urgent and high issues within their SLA, 95 % resolved by the customer's own people, at most 5 new issues a day over the last 7 days, a week since the last urgent issue, at most 30 % operation errors.</source>
      <translation>本项目交接前每项准则须达到的标准。默认值：没有缺少处理方案的紧急问题；90 % 的紧急和高优先级问题在 SLA 内处理；95 % 的问题由客户自己的人员解决；最近 7 天每天新增问题不超过 5 个；距上次紧急问题至少一周；操作错误不超过 30 %。</translation>
    </message>
    <message>
      <source>Defaults</source>
      <translation>恢复默认</translation>
    </message>
    <message>
      <source>Urgent issues open without a plan, at most</source>
      <translation>缺少处理方案的未关闭紧急问题，最多</translation>
    </message>
    <message>
      <source>Urgent and high issues within their SLA, at least</source>
      <translation>紧急和高优先级问题在 SLA 内处理，至少</translation>
    </message>
    <message>
      <source>Resolved by the customer's people, at least</source>
      <translation>由客户人员解决的问题，至少</translation>
    </message>
    <message>
      <source>Month-end closes held and passed, at least</source>
      <translation>已完成并顺利通过的月结，至少</translation>
    </message>
    <message>
      <source>New issues a day, at most</source>
      <translation>每天新增问题，最多</translation>
    </message>
    <message>
      <source>Counted over the last days</source>
      <translation>统计最近天数</translation>
    </message>
    <message>
      <source>Days since the last urgent issue, at least</source>
      <translation>距上次紧急问题天数，至少</translation>
    </message>
    <message>
      <source>Share of operation errors, at most</source>
      <translation>操作错误占比，最多</translation>
    </message>
  </context>
  <context>
    <name>Tile</name>
    <message>
      <source>Show these issues in the register</source>
      <translation>在问题记录中查看这些问题</translation>
    </message>
  </context>
  <context>
    <name>TimelineView</name>
    <message>
      <source>Timeline</source>
      <translation>处理过程跟踪</translation>
    </message>
    <message>
      <source>Nothing recorded yet.</source>
      <translation>尚无记录。</translation>
    </message>
    <message>
      <source>Whom (e.g. 刘芳)</source>
      <translation>通报对象（如：刘芳）</translation>
    </message>
    <message>
      <source>What was done, found or agreed…</source>
      <translation>做了什么、发现了什么、商定了什么…</translation>
    </message>
    <message>
      <source>Add to timeline</source>
      <translation>记入处理过程</translation>
    </message>
  </context>
  <context>
    <name>TrendChart</name>
    <message>
      <source>No issues yet</source>
      <translation>暂无问题</translation>
    </message>
    <message>
      <source>Opened</source>
      <translation>新增</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>已关闭</translation>
    </message>
    <message>
      <source>Open backlog</source>
      <translation>未关闭存量</translation>
    </message>
  </context>
  <context>
    <name>WarningsPanel</name>
    <message>
      <source>Coverage</source>
      <translation>覆盖检查</translation>
    </message>
    <message>
      <source>Every rule is met on the days shown.</source>
      <translation>所示日期内全部规则均已满足。</translation>
    </message>
    <message>
      <source>%1 warnings, %2 notices</source>
      <translation>%1 条警告，%2 条提示</translation>
    </message>
  </context>
  <context>
    <name>WeekGrid</name>
    <message>
      <source>Morning</source>
      <translation>上午</translation>
    </message>
    <message>
      <source>Afternoon</source>
      <translation>下午</translation>
    </message>
  </context>
  <context>
    <name>WorkflowBar</name>
    <message>
      <source>Next step:</source>
      <translation>下一步：</translation>
    </message>
    <message>
      <source>Note for the timeline (optional)</source>
      <translation>写入处理过程的说明（可不填）</translation>
    </message>
    <message>
      <source>Transferred to O&amp;M: followed up there.</source>
      <translation>已移交运维，由其继续跟进。</translation>
    </message>
    <message>
      <source>%1 · fill in %2</source>
      <translation>%1 · 请先填写%2</translation>
    </message>
    <message>
      <source>%1: %2</source>
      <translation>%1：%2</translation>
    </message>
  </context>
</TS>