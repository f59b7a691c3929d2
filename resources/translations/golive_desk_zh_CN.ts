<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>App</name>
    <message>
      <source>GoLive Desk</source>
      <translation>GoLive Desk 上线支持台</translation>
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
      <source>Handover</source>
      <translation>交接</translation>
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
    <name>OverviewPage</name>
    <message>
      <source>Go-live</source>
      <translation>上线日期</translation>
    </message>
    <message>
      <source>First month-end close</source>
      <translation>月底首次结账</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Project managers</source>
      <translation>项目经理</translation>
    </message>
    <message>
      <source>People</source>
      <translation>项目人员</translation>
    </message>
    <message>
      <source>Add person…</source>
      <translation>添加人员…</translation>
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
      <source>Vendor: %1 · Customer: %2</source>
      <translation>厂商：%1 · 客户：%2</translation>
    </message>
    <message>
      <source>today</source>
      <translation>今天</translation>
    </message>
    <message>
      <source>tomorrow</source>
      <translation>明天</translation>
    </message>
    <message>
      <source>yesterday</source>
      <translation>昨天</translation>
    </message>
    <message>
      <source>in %1 days</source>
      <translation>%1 天后</translation>
    </message>
    <message>
      <source>%1 days ago</source>
      <translation>%1 天前</translation>
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
      <source>Issue records</source>
      <translation>问题记录</translation>
    </message>
    <message>
      <source>Record each problem a customer raises, analyse its cause, keep the customer informed and track it to confirmation.</source>
      <translation>记录客户提出的每个问题，分析原因，及时通报客户，并跟踪到客户确认。</translation>
    </message>
    <message>
      <source>Calendar</source>
      <translation>支持日程</translation>
    </message>
    <message>
      <source>Support calendar</source>
      <translation>现场支持时间表</translation>
    </message>
    <message>
      <source>Plan who supports the customer when: on site, by phone or remotely. The first days after go-live and the first month-end close are covered on site.</source>
      <translation>安排谁在何时以何种方式支持客户：现场、电话或远程。上线初期和月底首次结账必须现场支持。</translation>
    </message>
    <message>
      <source>Handover</source>
      <translation>交接</translation>
    </message>
    <message>
      <source>Hand follow-up maintenance to the customer's internal support and the O&amp;M department: emergency plan, project summary, acceptance sign-off.</source>
      <translation>将后续维护事宜交接给客户内部支持人员和运营维护服务部门：应急预案、项目总结、验收签字。</translation>
    </message>
    <message>
      <source>Sync</source>
      <translation>同步</translation>
    </message>
    <message>
      <source>Sync bundles</source>
      <translation>同步数据包</translation>
    </message>
    <message>
      <source>Exchange work with the branch office and other laptops by file, without a network.</source>
      <translation>无需网络，通过文件与分公司和其他电脑交换工作数据。</translation>
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
</TS>