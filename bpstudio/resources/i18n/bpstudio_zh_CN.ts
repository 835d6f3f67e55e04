<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>{tip} ({shortcut})</source>
        <translation>{tip} ({shortcut})</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>Start over from the sin-fit example</source>
        <translation>从 sin 拟合示例重新开始</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a .bpnet network file</source>
        <translation>打开 .bpnet 网络文件</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the network, data and training</source>
        <translation>保存网络、数据和训练</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save under a new name</source>
        <translation>以新名称保存</translation>
    </message>
    <message>
        <source>Export Plot as &amp;PNG…</source>
        <translation>将图导出为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>Save the main plot as a PNG image</source>
        <translation>将主图保存为 PNG 图像</translation>
    </message>
    <message>
        <source>Export Plot as S&amp;VG…</source>
        <translation>将图导出为 SVG(&amp;V)…</translation>
    </message>
    <message>
        <source>Save the main plot as an SVG drawing</source>
        <translation>将主图保存为 SVG 矢量图</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit BP Studio</source>
        <translation>退出 BP Studio</translation>
    </message>
    <message>
        <source>Train or pause</source>
        <translation>训练或暂停</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>单步(&amp;S)</translation>
    </message>
    <message>
        <source>Train exactly one epoch</source>
        <translation>只训练一轮</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <source>Start again from fresh weights</source>
        <translation>从新的权重重新开始</translation>
    </message>
    <message>
        <source>S&amp;mooth Animation</source>
        <translation>平滑动画(&amp;M)</translation>
    </message>
    <message>
        <source>Redraw the plots up to 30 times a second while training; training runs slower</source>
        <translation>训练时每秒最多重绘 30 次图；训练会变慢</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>Pin Run</source>
        <translation>固定运行</translation>
    </message>
    <message>
        <source>Keep the live run for comparison (up to {most}) (P)</source>
        <translation>保留当前运行以便比较（最多 {most} 个）(P)</translation>
    </message>
    <message>
        <source>Nothing to pin yet: train the network first.</source>
        <translation>还没有可固定的运行：请先训练网络。</translation>
    </message>
    <message>
        <source>Pinned the live run as “{name}”.</source>
        <translation>已将当前运行固定为“{name}”。</translation>
    </message>
    <message>
        <source>Cannot start the same way: {reason}</source>
        <translation>无法以相同起点开始：{reason}</translation>
    </message>
    <message>
        <source>its starting weights</source>
        <translation>它的初始权重</translation>
    </message>
    <message>
        <source>its weight seed</source>
        <translation>它的权重随机种子</translation>
    </message>
    <message>
        <source>Restarted from the start of “{name}” ({how}, its order of samples): train to compare.</source>
        <translation>已从“{name}”的起点重新开始（{how}、它的样本顺序）：训练后即可比较。</translation>
    </message>
    <message>
        <source>The file&apos;s pinned run is in the Compare dock.</source>
        <translation>文件中固定的运行在“比较”面板中。</translation>
    </message>
    <message>
        <source>The file&apos;s {count} pinned runs are in the Compare dock.</source>
        <translation>文件中 {count} 个固定的运行在“比较”面板中。</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>run {number}</source>
        <translation>运行 {number}</translation>
    </message>
    <message>
        <source>live (same start as {name})</source>
        <translation>当前（与 {name} 相同起点）</translation>
    </message>
    <message>
        <source>live</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>same start as {name}; {differs}</source>
        <translation>与 {name} 相同起点；{differs}</translation>
    </message>
    <message>
        <source>Regions of “{name}”</source>
        <translation>“{name}”的决策区域</translation>
    </message>
    <message>
        <source>“{name}” was trained on other data.</source>
        <translation>“{name}”是在其他数据上训练的。</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>final train {score}</source>
        <translation>最终训练{score}</translation>
    </message>
    <message>
        <source>best train {score}</source>
        <translation>最佳训练{score}</translation>
    </message>
    <message>
        <source>final test {score}</source>
        <translation>最终测试{score}</translation>
    </message>
    <message>
        <source>best test {score}</source>
        <translation>最佳测试{score}</translation>
    </message>
    <message>
        <source>run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>differs from the live run</source>
        <translation>与当前运行的差异</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>final train loss</source>
        <translation>最终训练损失</translation>
    </message>
    <message>
        <source>best train loss</source>
        <translation>最佳训练损失</translation>
    </message>
    <message>
        <source>final test loss</source>
        <translation>最终测试损失</translation>
    </message>
    <message>
        <source>best test loss</source>
        <translation>最佳测试损失</translation>
    </message>
    <message>
        <source>Show Regions</source>
        <translation>显示决策区域</translation>
    </message>
    <message>
        <source>Show the chosen pinned run&apos;s decision regions beside the live ones</source>
        <translation>在当前决策区域旁显示所选固定运行的决策区域</translation>
    </message>
    <message>
        <source>Same Start</source>
        <translation>相同起点</translation>
    </message>
    <message>
        <source>Restart the live run from the chosen pinned run&apos;s starting weights, data, split and order of samples: only what you changed differs</source>
        <translation>从所选固定运行的初始权重、数据、划分和样本顺序重新开始当前运行：只有你改动的部分不同</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>output activation</source>
        <translation>输出层激活函数</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>reduction</source>
        <translation>损失归约</translation>
    </message>
    <message>
        <source>init</source>
        <translation>权重初始化</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>weight seed</source>
        <translation>权重种子</translation>
    </message>
    <message>
        <source>shuffle</source>
        <translation>打乱样本</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>训练种子</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>停止规则</translation>
    </message>
    <message>
        <source>test fraction</source>
        <translation>测试比例</translation>
    </message>
    <message>
        <source>split seed</source>
        <translation>划分种子</translation>
    </message>
    <message>
        <source>standardize</source>
        <translation>标准化</translation>
    </message>
    <message>
        <source>data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>data: other rows</source>
        <translation>数据：其他行</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>True</source>
        <translation>是</translation>
    </message>
    <message>
        <source>False</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>Designer</name>
    <message>
        <source>Reduce on plateau cuts η when the training loss stops falling, which is known only while training: the preview stays at η0</source>
        <translation>“停滞时降低”在训练损失不再下降时减小 η，这只有训练时才知道：预览保持在 η0</translation>
    </message>
    <message>
        <source>η from {first} to {last} over {epochs} epochs</source>
        <translation>η 在 {epochs} 轮内从 {first} 变到 {last}</translation>
    </message>
    <message>
        <source>{span}. {why}</source>
        <translation>{span}。{why}</translation>
    </message>
    <message>
        <source>{label}: {range}</source>
        <translation>{label}：{range}</translation>
    </message>
    <message>
        <source>Early stopping watches the test loss, but the data has no test part: set a test fraction above 0 to use it</source>
        <translation>提前停止看的是测试损失，但数据没有测试部分：把测试比例设为大于 0 才能使用</translation>
    </message>
    <message>
        <source>Stop when the test loss has not improved for this many epochs</source>
        <translation>测试损失连续这么多轮没有改善时停止</translation>
    </message>
    <message>
        <source>Stop at a training loss</source>
        <translation>训练损失达到目标时停止</translation>
    </message>
    <message>
        <source>Stop once an epoch&apos;s training loss is at most this</source>
        <translation>某一轮的训练损失不超过此值时停止</translation>
    </message>
    <message>
        <source>The training loss to stop at (1e-12 to 1e+06)</source>
        <translation>停止时的训练损失（1e-12 到 1e+06）</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation>提前停止</translation>
    </message>
    <message>
        <source>Epochs without a better test loss</source>
        <translation>测试损失没有改善的轮数</translation>
    </message>
    <message>
        <source>How much lower a test loss must be to count</source>
        <translation>测试损失至少要低多少才算改善</translation>
    </message>
    <message>
        <source>Restore the best weights</source>
        <translation>恢复最佳权重</translation>
    </message>
    <message>
        <source>On an early stop, go back to the best epoch&apos;s weights</source>
        <translation>提前停止时，回到最佳一轮的权重</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>时间上限</translation>
    </message>
    <message>
        <source>Stop after this much training time</source>
        <translation>训练了这么长时间后停止</translation>
    </message>
    <message>
        <source>Seconds of training (0.1 to {most})</source>
        <translation>训练秒数（0.1 到 {most}）</translation>
    </message>
    <message>
        <source>Target loss</source>
        <translation>目标损失</translation>
    </message>
    <message>
        <source>Patience</source>
        <translation>耐心轮数</translation>
    </message>
    <message>
        <source>Better by</source>
        <translation>改善至少</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>秒数</translation>
    </message>
    <message>
        <source>Neurons</source>
        <translation>神经元</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Hidden layers, input side first; the output layer follows from the data</source>
        <translation>隐藏层，从输入一侧开始；输出层由数据决定</translation>
    </message>
    <message>
        <source>Neurons in this layer</source>
        <translation>这一层的神经元数</translation>
    </message>
    <message>
        <source>Hidden {number}</source>
        <translation>隐藏层 {number}</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Add layer</source>
        <translation>添加层</translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation>删除层</translation>
    </message>
    <message>
        <source>Remove the selected hidden layer (or the last)</source>
        <translation>删除选中的隐藏层（未选中时删除最后一层）</translation>
    </message>
    <message>
        <source>Output activation and loss; only pairs that suit the data are offered</source>
        <translation>输出层激活函数与损失函数；只列出适合这份数据的组合</translation>
    </message>
    <message>
        <source>The same seed gives the same initial weights</source>
        <translation>相同的种子给出相同的初始权重</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>Weight init</source>
        <translation>权重初始化</translation>
    </message>
    <message>
        <source>Weight seed</source>
        <translation>权重种子</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>A network has at most this many hidden layers</source>
        <translation>网络的隐藏层已达上限</translation>
    </message>
    <message>
        <source>Another layer like the last</source>
        <translation>再加一层同样的隐藏层</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>the imported table</source>
        <translation>导入的表格</translation>
    </message>
    <message>
        <source>Add a hidden layer like the last one</source>
        <translation>添加一个与最后一层相同的隐藏层</translation>
    </message>
    <message>
        <source>Number of data points</source>
        <translation>数据点的个数</translation>
    </message>
    <message>
        <source>Standard deviation of the noise</source>
        <translation>噪声的标准差</translation>
    </message>
    <message>
        <source>Number of classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <source>Share of the points held out for testing</source>
        <translation>留出用于测试的数据点比例</translation>
    </message>
    <message>
        <source>Seed of the data and of the train/test split</source>
        <translation>数据及训练/测试划分的随机种子</translation>
    </message>
    <message>
        <source>Standardize inputs</source>
        <translation>标准化输入</translation>
    </message>
    <message>
        <source>Scale inputs to mean 0, sd 1 (fitted on the train part)</source>
        <translation>把输入缩放到均值 0、标准差 1（按训练部分拟合）</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <source>Test fraction</source>
        <translation>测试比例</translation>
    </message>
    <message>
        <source>Data seed</source>
        <translation>数据种子</translation>
    </message>
    <message>
        <source>Imported table</source>
        <translation>导入的表格</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>离散度</translation>
    </message>
    <message>
        <source>{field}: {typed} is not allowed; it takes a number {range}. It stays {value}.</source>
        <translation>{field}：不能取 {typed}；可取的数{range}。保持为 {value}。</translation>
    </message>
    <message>
        <source>{tip} ({range})</source>
        <translation>{tip}（{range}）</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <source>Show or hide the settings few runs need</source>
        <translation>显示或隐藏少数训练才需要的设置</translation>
    </message>
</context>
<context>
    <name>Docks</name>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Pinned regions</source>
        <translation>固定运行的决策区域</translation>
    </message>
    <message>
        <source>Step inspector</source>
        <translation>逐步检查器</translation>
    </message>
    <message>
        <source>Graph lab</source>
        <translation>计算图实验室</translation>
    </message>
    <message>
        <source>Gradient flow</source>
        <translation>梯度流</translation>
    </message>
    <message>
        <source>Hidden neurons</source>
        <translation>隐藏层神经元</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>梯度检验</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Applied one step of plain gradient descent (η = {rate}) to the weights; the epoch count is unchanged.</source>
        <translation>已对权重执行一步普通梯度下降（η = {rate}）；训练轮数不变。</translation>
    </message>
    <message>
        <source>Judging</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Designer</source>
        <translation>设计器</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>拟合</translation>
    </message>
    <message>
        <source>Decision regions</source>
        <translation>决策区域</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <source>The training loss has stayed near {level} for the last {span} epochs (it moved {moved}), {share} of the {first} at epoch {epoch}: the network is not learning.</source>
        <translation>最近 {span} 轮训练损失一直停在 {level} 附近（变化 {moved}），是第 {epoch} 轮时 {first} 的 {share}：网络没有在学习。</translation>
    </message>
    <message>
        <source>raise the learning rate{rate} tenfold, or train with Adam</source>
        <translation>把学习率{rate}提高到十倍，或改用 Adam 训练</translation>
    </message>
    <message>
        <source>If most units are saturated or dead, start again from xavier_uniform weights (sigmoid, tanh) or he_normal (relu); otherwise {raise_rate}.</source>
        <translation>如果大多数神经元已饱和或死亡，请用 xavier_uniform 权重（sigmoid、tanh）或 he_normal 权重（relu）重新开始；否则{raise_rate}。</translation>
    </message>
    <message>
        <source>The units are neither saturated nor dead: {raise_rate}.</source>
        <translation>神经元既未饱和也未死亡：{raise_rate}。</translation>
    </message>
    <message>
        <source>reset the weights and train with a smaller learning rate{rate}</source>
        <translation>重置权重，并用更小的学习率{rate}训练</translation>
    </message>
    <message>
        <source>start again from {fresh} weights instead of {init}</source>
        <translation>改用 {fresh} 权重（而不是 {init}）重新开始</translation>
    </message>
    <message>
        <source>Most units of some layers are stuck (see the notes on units): {start}.</source>
        <translation>某些层的大多数神经元卡住了（见关于神经元的提示）：{start}。</translation>
    </message>
    <message>
        <source>infinitely many</source>
        <translation>无穷多</translation>
    </message>
    <message>
        <source>The training loss has grown to {now}, {times} times its lowest ({lowest} at epoch {lowest_epoch}) and above the {first} at epoch {epoch}: every step overshoots further, and soon the loss overflows and training stops.</source>
        <translation>训练损失已增长到 {now}，是其最低值（第 {lowest_epoch} 轮的 {lowest}）的 {times} 倍，且高于第 {epoch} 轮的 {first}：每一步都越冲越远，损失很快会溢出，训练随之停止。</translation>
    </message>
    <message>
        <source>Lower the learning rate{rate} to a tenth or less, then reset the weights (these have grown huge).</source>
        <translation>把学习率{rate}降到十分之一或更低，然后重置权重（现在的权重已经变得很大）。</translation>
    </message>
    <message>
        <source>{ratio} times the {best}</source>
        <translation>是 {best} 的 {ratio} 倍</translation>
    </message>
    <message>
        <source>above the 0</source>
        <translation>高于 0</translation>
    </message>
    <message>
        <source>Over the last {span} epochs the loss jumped up {ups} times and down {downs} times by more than {jump}, around {median}, {times} it reached at epoch {epoch}: the steps are too large to settle.</source>
        <translation>最近 {span} 轮中，损失上跳 {ups} 次、下跳 {downs} 次，幅度都超过 {jump}，在 {median} 附近波动，{times}（第 {epoch} 轮达到的最低值）：步子太大，无法稳定下来。</translation>
    </message>
    <message>
        <source>Lower the learning rate{rate} to a third or a tenth; with mini-batches, a larger batch also steadies the steps.</source>
        <translation>把学习率{rate}降到三分之一或十分之一；使用小批量时，更大的批大小也能让步子更稳。</translation>
    </message>
    <message>
        <source>The test loss rose from {best} at epoch {epoch} to {now} (+{rise}) while the training loss fell from {train_then} to {train_now}: the network is learning the training samples by heart, not the pattern behind them.</source>
        <translation>测试损失从第 {epoch} 轮的 {best} 升到 {now}（+{rise}），而训练损失从 {train_then} 降到 {train_now}：网络在死记训练样本，而不是学习其背后的规律。</translation>
    </message>
    <message>
        <source>Stop near epoch {epoch} (set an epoch limit), add L2 weight decay, use more data, or a smaller network.</source>
        <translation>在第 {epoch} 轮附近停止（设置轮数上限），加入 L2 权重衰减，使用更多数据，或使用更小的网络。</translation>
    </message>
    <message>
        <source>{first}; {next}</source>
        <translation>{first}；{next}</translation>
    </message>
    <message>
        <source> (now {rate})</source>
        <translation>（当前为 {rate}）</translation>
    </message>
    <message>
        <source>{layers} never fire on the training data: z ≤ 0 for every sample, so they pass no gradient and cannot recover.</source>
        <translation>{layers}在训练数据上从不激活：每个样本的 z ≤ 0，因此不传递梯度，也无法恢复。</translation>
    </message>
    <message>
        <source>{dead} of {units} ReLU units of layer {layer} ({share})</source>
        <translation>第 {layer} 层 {units} 个 ReLU 神经元中的 {dead} 个（{share}）</translation>
    </message>
    <message>
        <source>Reset the weights, with he_normal initialisation{instead} and a smaller learning rate{rate}; or use leaky_relu, which keeps a small slope below 0.</source>
        <translation>重置权重，使用 he_normal 初始化{instead}和更小的学习率{rate}；或改用 leaky_relu，它在 0 以下保留一个小斜率。</translation>
    </message>
    <message>
        <source>{layers} are saturated: |z| &gt; {z} for at least {share} of the samples, where the slope is nearly 0, so almost no gradient passes through them.</source>
        <translation>{layers}已饱和：至少 {share} 的样本上 |z| &gt; {z}，此处斜率接近 0，几乎没有梯度能通过它们。</translation>
    </message>
    <message>
        <source>{saturated} of {units} {activation} units of layer {layer} ({share})</source>
        <translation>第 {layer} 层 {units} 个 {activation} 神经元中的 {saturated} 个（{share}）</translation>
    </message>
    <message>
        <source>The uniform U[0, 1) weights are all positive, so each unit&apos;s inputs add up to a large z. Start again from xavier_uniform weights.</source>
        <translation>uniform U[0, 1) 权重全为正，每个神经元的输入加起来得到很大的 z。请改用 xavier_uniform 权重重新开始。</translation>
    </message>
    <message>
        <source>Start again from xavier_uniform weights{instead}, standardize the inputs, or lower the learning rate{rate}: large steps grow large weights.</source>
        <translation>改用 xavier_uniform 权重{instead}重新开始，将输入标准化，或降低学习率{rate}：大步长会让权重变大。</translation>
    </message>
    <message>
        <source>No gradient reaches the first layer (its mean |dW| is 0; the last layer&apos;s is {last}): the layers near the input do not learn.</source>
        <translation>没有梯度到达第一层（其平均 |dW| 为 0；最后一层为 {last}）：靠近输入的层不在学习。</translation>
    </message>
    <message>
        <source>The first layer&apos;s mean |dW| is {first}, {ratio} of the last layer&apos;s {last}: the layers near the input hardly learn.</source>
        <translation>第一层的平均 |dW| 为 {first}，是最后一层 {last} 的 {ratio}：靠近输入的层几乎不在学习。</translation>
    </message>
    <message>
        <source>Use tanh or relu hidden layers (sigmoid passes back at most a quarter of the gradient per layer), xavier_uniform (tanh) or he_normal (relu) weights, or fewer layers.</source>
        <translation>改用 tanh 或 relu 隐藏层（sigmoid 每层最多只传回四分之一的梯度），使用 xavier_uniform（tanh）或 he_normal（relu）权重，或减少层数。</translation>
    </message>
    <message>
        <source>Use xavier_uniform (tanh) or he_normal (relu) weights, or fewer layers.</source>
        <translation>使用 xavier_uniform（tanh）或 he_normal（relu）权重，或减少层数。</translation>
    </message>
    <message>
        <source> (instead of {init})</source>
        <translation>（而不是 {init}）</translation>
    </message>
    <message>
        <source>Read more</source>
        <translation>了解更多</translation>
    </message>
    <message>
        <source>Dismiss this note while it holds</source>
        <translation>在此情况持续期间不再显示这条提示</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>the document&apos;s starting weights</source>
        <translation>文档自带的初始权重</translation>
    </message>
    <message>
        <source>fresh weights from the seed</source>
        <translation>由随机种子生成的新权重</translation>
    </message>
    <message>
        <source>; not saved: the pinned runs {names} (trained on other data, or past the limits of a file)</source>
        <translation>；未保存固定的运行 {names}（它们在其他数据上训练，或超出了文件的上限）</translation>
    </message>
    <message>
        <source>Saved {path} (epoch {epoch}){note}</source>
        <translation>已保存 {path}（第 {epoch} 轮）{note}</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>1 more error since.</source>
        <translation>此后又出现 1 个错误。</translation>
    </message>
    <message>
        <source>{count} more errors since.</source>
        <translation>此后又出现 {count} 个错误。</translation>
    </message>
    <message>
        <source>Your network is still open: save a copy to keep it safe, then go on or restart BP Studio.</source>
        <translation>你的网络仍然打开着：请先保存一个副本以确保安全，然后继续或重新启动 BP Studio。</translation>
    </message>
    <message>
        <source>Your network is still open.</source>
        <translation>你的网络仍然打开着。</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>BP Studio met an error it did not expect:

{message}

{keep}</source>
        <translation>BP Studio 遇到了一个意外错误：

{message}

{keep}</translation>
    </message>
    <message>
        <source>Save a Copy…</source>
        <translation>保存副本…</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>{rows} rows of predictions</source>
        <translation>{rows} 行预测结果</translation>
    </message>
    <message>
        <source>an ONNX model</source>
        <translation>一个 ONNX 模型</translation>
    </message>
    <message>
        <source>a NumPy script of {lines} lines</source>
        <translation>一个 {lines} 行的 NumPy 脚本</translation>
    </message>
    <message>
        <source>&amp;Predictions (CSV)…</source>
        <translation>预测结果 (CSV)(&amp;P)…</translation>
    </message>
    <message>
        <source>Each sample&apos;s inputs, target, the network&apos;s outputs and predicted class, as CSV</source>
        <translation>每个样本的输入、目标、网络输出和预测类别，保存为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>&amp;ONNX Model…</source>
        <translation>ONNX 模型(&amp;O)…</translation>
    </message>
    <message>
        <source>The network (with its input scaling) as an ONNX model for other tools</source>
        <translation>将网络（连同输入缩放）导出为 ONNX 模型，供其他工具使用</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX 模型 (*.onnx)</translation>
    </message>
    <message>
        <source>NumPy &amp;Script…</source>
        <translation>NumPy 脚本(&amp;S)…</translation>
    </message>
    <message>
        <source>A Python script that computes the network&apos;s outputs with NumPy alone</source>
        <translation>一个只用 NumPy 计算网络输出的 Python 脚本</translation>
    </message>
    <message>
        <source>Python scripts (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>ONNX Model… (needs {hint})</source>
        <translation>ONNX 模型…（需要 {hint}）</translation>
    </message>
    <message>
        <source>ONNX export</source>
        <translation>导出 ONNX</translation>
    </message>
    <message>
        <source>Export {what}</source>
        <translation>导出{what}</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Could not export to {path}.

{reason}</source>
        <translation>无法导出到 {path}。

{reason}</translation>
    </message>
    <message>
        <source>Exported {what} to {path}</source>
        <translation>已将{what}导出到 {path}</translation>
    </message>
    <message>
        <source>ONNX export needs the onnx package, which is not installed; install it with pip install &quot;bpstudio[onnx]&quot; (or pip install onnx)</source>
        <translation>导出 ONNX 需要 onnx 包，但它尚未安装；请用 pip install &quot;bpstudio[onnx]&quot;（或 pip install onnx）安装</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Step size η (1e-6 to 10); arrows step 1-2-5 per decade. Applies at the next step</source>
        <translation>步长 η（1e-6 到 10）；箭头按每个数量级 1-2-5 调整。下一步起生效</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Momentum coefficient μ: the share of the last step that carries into the next (the Momentum optimizer only)</source>
        <translation>动量系数 μ：上一步带入下一步的比例（仅用于动量优化器）</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Samples per update; 0 = the whole training set</source>
        <translation>每次更新的样本数；0 = 整个训练集</translation>
    </message>
    <message>
        <source>Full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <source>L2 weight decay λ (biases are not decayed)</source>
        <translation>L2 权重衰减 λ（偏置不衰减）</translation>
    </message>
    <message>
        <source>Epoch limit</source>
        <translation>轮数上限</translation>
    </message>
    <message>
        <source>Training stops after this many epochs</source>
        <translation>训练到这么多轮后停止</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>β₁ (Adam)</source>
        <translation>β₁ (Adam)</translation>
    </message>
    <message>
        <source>How slowly Adam&apos;s running mean of the gradient forgets (the Adam optimizer only)</source>
        <translation>Adam 的梯度滑动平均遗忘得多慢（仅用于 Adam 优化器）</translation>
    </message>
    <message>
        <source>β₂ (Adam)</source>
        <translation>β₂ (Adam)</translation>
    </message>
    <message>
        <source>How slowly Adam&apos;s running mean of the squared gradient forgets (the Adam optimizer only)</source>
        <translation>Adam 的梯度平方滑动平均遗忘得多慢（仅用于 Adam 优化器）</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Open network</source>
        <translation>打开网络</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>正在打开 {name}…</translation>
    </message>
    <message>
        <source>Save network</source>
        <translation>保存网络</translation>
    </message>
    <message>
        <source>{name} (copy).bpnet</source>
        <translation>{name}（副本）.bpnet</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>保存副本</translation>
    </message>
    <message>
        <source>Cannot save a copy</source>
        <translation>无法保存副本</translation>
    </message>
    <message>
        <source>A copy goes to a new file, not over {name}: choose another name.</source>
        <translation>副本要保存到新文件，而不是覆盖 {name}：请换一个名称。</translation>
    </message>
    <message>
        <source>Saved a copy as {path}</source>
        <translation>已将副本保存为 {path}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to {name}?</source>
        <translation>保存对 {name} 的更改吗？</translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>{name} could not be opened.

{reason}

The network on screen was left as it was.</source>
        <translation>无法打开 {name}。

{reason}

屏幕上的网络保持不变。</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Could not save {path}.

{reason}</source>
        <translation>无法保存 {path}。

{reason}</translation>
    </message>
    <message>
        <source>Read-only file</source>
        <translation>只读文件</translation>
    </message>
    <message>
        <source>{name} is read-only. Replace it anyway?</source>
        <translation>{name} 是只读文件。仍要替换它吗？</translation>
    </message>
    <message>
        <source>Export plot as {format}</source>
        <translation>将图导出为 {format}</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Could not export.

{reason}</source>
        <translation>无法导出。

{reason}</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>已导出 {path}</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <source>BP Studio networks (*.bpnet);;All files (*)</source>
        <translation>BP Studio 网络 (*.bpnet);;所有文件 (*)</translation>
    </message>
    <message>
        <source>there is not enough memory to open it</source>
        <translation>内存不足，无法打开它</translation>
    </message>
</context>
<context>
    <name>FrameRate</name>
    <message>
        <source>Frames the plots drew in the last second, and training speed</source>
        <translation>过去一秒内图的绘制帧数，以及训练速度</translation>
    </message>
    <message>
        <source>&amp;Frame Rate in Status Bar</source>
        <translation>在状态栏显示帧率(&amp;F)</translation>
    </message>
    <message>
        <source>Show how often the plots move and how fast training runs</source>
        <translation>显示图的刷新频率和训练速度</translation>
    </message>
    <message>
        <source>0 frames/s · paused</source>
        <translation>0 帧/秒 · 已暂停</translation>
    </message>
    <message>
        <source>{fps} frames/s · {rate} epochs/s</source>
        <translation>{fps} 帧/秒 · {rate} 轮/秒</translation>
    </message>
</context>
<context>
    <name>GradientCheckPanel</name>
    <message>
        <source>Check gradients</source>
        <translation>检验梯度</translation>
    </message>
    <message>
        <source>Compare backpropagation with central finite differences on the training data</source>
        <translation>在训练数据上用中心有限差分对照反向传播的结果</translation>
    </message>
    <message>
        <source>array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>relative error</source>
        <translation>相对误差</translation>
    </message>
    <message>
        <source>Checking… (two forward passes per parameter)</source>
        <translation>检验中…（每个参数两次前向传播）</translation>
    </message>
    <message>
        <source>✗ differs</source>
        <translation>✗ 不一致</translation>
    </message>
    <message>
        <source>✓ agrees</source>
        <translation>✓ 一致</translation>
    </message>
    <message>
        <source>✓ within noise</source>
        <translation>✓ 在噪声范围内</translation>
    </message>
    <message>
        <source>; {n} not comparable at a kink</source>
        <translation>；{n} 个在折点处无法比较</translation>
    </message>
    <message>
        <source>; {arrays} differs by less than {noise}, the noise of finite differences (tiny gradients)</source>
        <translation>；{arrays} 的差异小于 {noise}，属于有限差分的噪声（梯度极小）</translation>
    </message>
    <message>
        <source>; {arrays} differ by less than {noise}, the noise of finite differences (tiny gradients)</source>
        <translation>；{arrays} 的差异小于 {noise}，属于有限差分的噪声（梯度极小）</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#1e7b1e&apos;&gt;&lt;b&gt;Backpropagation is right&lt;/b&gt;&lt;/span&gt;: relative errors below {tolerance}{also}.{kinks}</source>
        <translation>&lt;span style=&apos;color:#1e7b1e&apos;&gt;&lt;b&gt;反向传播是正确的&lt;/b&gt;&lt;/span&gt;：相对误差低于 {tolerance}{also}。{kinks}</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b03a2e&apos;&gt;&lt;b&gt;Gradients differ&lt;/b&gt;&lt;/span&gt;: the largest relative error is {worst}, above {tolerance}, by more than finite differences can explain.{kinks}</source>
        <translation>&lt;span style=&apos;color:#b03a2e&apos;&gt;&lt;b&gt;梯度不一致&lt;/b&gt;&lt;/span&gt;：最大相对误差为 {worst}，高于 {tolerance}，超出了有限差分所能解释的范围。{kinks}</translation>
    </message>
    <message>
        <source>Worst parameter: &lt;b&gt;{parameter}&lt;/b&gt;: backprop {analytic}, finite differences {numeric} (difference {difference})</source>
        <translation>差异最大的参数：&lt;b&gt;{parameter}&lt;/b&gt;：反向传播 {analytic}，有限差分 {numeric}（相差 {difference}）</translation>
    </message>
    <message>
        <source>Compare backpropagation with finite differences.</source>
        <translation>用有限差分对照反向传播的结果。</translation>
    </message>
    <message>
        <source> 1 entry was not comparable at a kink (a ReLU unit switches within the step on both sides) and left out.</source>
        <translation>有 1 个元素在折点处无法比较（步长两侧之内有 ReLU 单元切换状态），已略去。</translation>
    </message>
    <message>
        <source> {n} entries were not comparable at a kink (a ReLU unit switches within the step on both sides) and left out.</source>
        <translation>有 {n} 个元素在折点处无法比较（步长两侧之内有 ReLU 单元切换状态），已略去。</translation>
    </message>
</context>
<context>
    <name>GradientFlowView</name>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>mean |dW|</source>
        <translation>平均 |dW|</translation>
    </message>
    <message>
        <source>Weights per layer: the bands hold 10–90% and 25–75% of the layer&apos;s weights, the line is the median, the dots the smallest and the largest.</source>
        <translation>各层的权重：色带分别包含该层 10–90% 和 25–75% 的权重，线是中位数，点是最小值和最大值。</translation>
    </message>
    <message>
        <source>Gradient flow</source>
        <translation>梯度流</translation>
    </message>
    <message>
        <source>no training yet</source>
        <translation>尚未训练</translation>
    </message>
    <message>
        <source>epoch {epoch}: the curves grow while it trains</source>
        <translation>第 {epoch} 轮：训练时曲线会逐渐延伸</translation>
    </message>
    <message>
        <source>epoch {epoch}</source>
        <translation>第 {epoch} 轮</translation>
    </message>
</context>
<context>
    <name>GraphLab</name>
    <message>
        <source>∂L/∂x = ∂L/∂z · 1,  ∂L/∂y = ∂L/∂z · 1  (passes the derivative on unchanged)</source>
        <translation>∂L/∂x = ∂L/∂z · 1,  ∂L/∂y = ∂L/∂z · 1  （把导数原样传递下去）</translation>
    </message>
    <message>
        <source>∂L/∂x = ∂L/∂z · y,  ∂L/∂y = ∂L/∂z · x  (each input gets the other one)</source>
        <translation>∂L/∂x = ∂L/∂z · y,  ∂L/∂y = ∂L/∂z · x  （每个输入乘以另一个输入）</translation>
    </message>
    <message>
        <source>apple price</source>
        <translation>苹果价格</translation>
    </message>
    <message>
        <source>apple count</source>
        <translation>苹果个数</translation>
    </message>
    <message>
        <source>tax factor</source>
        <translation>消费税系数</translation>
    </message>
    <message>
        <source>2 apples, 10% tax</source>
        <translation>2 个苹果，消费税 10%</translation>
    </message>
    <message>
        <source>2 apples and 3 oranges, 10% tax</source>
        <translation>2 个苹果和 3 个橙子，消费税 10%</translation>
    </message>
    <message>
        <source>orange price</source>
        <translation>橙子价格</translation>
    </message>
    <message>
        <source>orange count</source>
        <translation>橙子个数</translation>
    </message>
    <message>
        <source>pay</source>
        <translation>支付</translation>
    </message>
    <message>
        <source>Add node</source>
        <translation>加法节点</translation>
    </message>
    <message>
        <source>Multiply node</source>
        <translation>乘法节点</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#6b6b6b&apos;&gt;Above each edge: the value going forward. Below, in red: ∂total/∂(that value), going back. Each node multiplies the derivative it receives by its local derivative.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#6b6b6b&apos;&gt;每条边的上方：正向传递的值。下方红色：∂支付金额/∂(该值)，反向传递。每个节点把收到的导数乘以节点的局部导数。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>GraphLabView</name>
    <message>
        <source>Show the backward pass</source>
        <translation>显示反向传播</translation>
    </message>
    <message>
        <source>Hide the derivatives to work them out yourself first</source>
        <translation>隐藏导数，先自己算一算</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>total = {value}</source>
        <translation>支付金额 = {value}</translation>
    </message>
    <message>
        <source>∂total/∂{input}</source>
        <translation>∂支付金额/∂{input}</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Qt and PySide6</source>
        <translation>Qt 与 PySide6</translation>
    </message>
    <message>
        <source>User Guide</source>
        <translation>用户指南</translation>
    </message>
    <message>
        <source>licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>&lt;p&gt;Design, train and understand backpropagation networks.&lt;/p&gt;</source>
        <translation>&lt;p&gt;设计、训练并理解反向传播网络。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;BP Studio is free software under the MIT licence. It is built on:&lt;/p&gt;</source>
        <translation>&lt;p&gt;BP Studio 是采用 MIT 许可证的自由软件。它基于：&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Documentation: Help ▸ User Guide (F1), and every page of the docs in &lt;a href=&apos;{docs}&apos;&gt;the installed docs folder&lt;/a&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;文档：帮助 ▸ 用户指南 (F1)，以及&lt;a href=&apos;{docs}&apos;&gt;安装的文档文件夹&lt;/a&gt;中的所有页面。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About BP Studio</source>
        <translation>关于 BP Studio</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <source>Read the user guide</source>
        <translation>阅读用户指南</translation>
    </message>
    <message>
        <source>&amp;About BP Studio</source>
        <translation>关于 BP Studio(&amp;A)</translation>
    </message>
    <message>
        <source>The version, the licences and where the docs are</source>
        <translation>版本、许可证以及文档所在位置</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>The Qt version BP Studio runs on</source>
        <translation>BP Studio 所运行的 Qt 版本</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>不使用</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Use as</source>
        <translation>用作</translation>
    </message>
    <message>
        <source>&amp;Import Data…</source>
        <translation>导入数据(&amp;I)…</translation>
    </message>
    <message>
        <source>Read a table of your own from a CSV file as the data to learn</source>
        <translation>从 CSV 文件读取你自己的表格，作为要学习的数据</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <source>Tables (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>表格 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <source>{name} cannot be imported.

{reason}</source>
        <translation>无法导入 {name}。

{reason}</translation>
    </message>
    <message>
        <source>Import data?</source>
        <translation>导入数据？</translation>
    </message>
    <message>
        <source>{name} is a table, not a BP Studio network. Import its rows as the data to learn?</source>
        <translation>{name} 是一个表格，不是 BP Studio 网络。要把它的行导入为要学习的数据吗？</translation>
    </message>
    <message>
        <source>point (1.5)</source>
        <translation>点 (1.5)</translation>
    </message>
    <message>
        <source>comma (1,5)</source>
        <translation>逗号 (1,5)</translation>
    </message>
    <message>
        <source>refuse the file</source>
        <translation>拒绝该文件</translation>
    </message>
    <message>
        <source>drop those rows</source>
        <translation>删除这些行</translation>
    </message>
    <message>
        <source>old Mac</source>
        <translation>旧式 Mac</translation>
    </message>
    <message>
        <source>Import data — {name}</source>
        <translation>导入数据 — {name}</translation>
    </message>
    <message>
        <source>First row holds the column names</source>
        <translation>第一行是列名</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <source>Decimal mark</source>
        <translation>小数点符号</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Missing values</source>
        <translation>缺失值</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>The first rows, as read with these settings:</source>
        <translation>按这些设置读取的前几行：</translation>
    </message>
    <message>
        <source>{name}: {size} bytes, {lines} line ends</source>
        <translation>{name}：{size} 字节，{lines} 换行符</translation>
    </message>
    <message>
        <source>{name}: {size} bytes</source>
        <translation>{name}：{size} 字节</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>The table does not fit: {reason}</source>
        <translation>表格不适用：{reason}</translation>
    </message>
    <message>
        <source>{rows} rows, 1 input</source>
        <translation>{rows} 行，1 个输入</translation>
    </message>
    <message>
        <source>{rows} rows, {inputs} inputs</source>
        <translation>{rows} 行，{inputs} 个输入</translation>
    </message>
    <message>
        <source>{inputs}, regression of {targets}</source>
        <translation>{inputs}，对 {targets} 做回归</translation>
    </message>
    <message>
        <source>{inputs}, classification of {target} into {count} classes: {names}</source>
        <translation>{inputs}，将 {target} 分为 {count} 个类别：{names}</translation>
    </message>
    <message>
        <source>numbers</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>whole numbers</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>mixed</source>
        <translation>混合</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>带 BOM 的 UTF-8</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>bar</source>
        <translation>竖线</translation>
    </message>
    <message>
        <source>whitespace</source>
        <translation>空白</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>回归</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>new {matrix}</source>
        <translation>新的 {matrix}</translation>
    </message>
    <message>
        <source>row {row} of {matrix}</source>
        <translation>{matrix} 的第 {row} 行</translation>
    </message>
    <message>
        <source>Jᵀ·(ŷ − y) of row {row}, column {col}{per_n}</source>
        <translation>第 {row} 行、第 {col} 列的 Jᵀ·(ŷ − y){per_n}</translation>
    </message>
    <message>
        <source>{terms} + … ({more} more terms){tail}</source>
        <translation>{terms} + …（另有 {more} 项）{tail}</translation>
    </message>
    <message>
        <source>identity output with mse: f′ cancels against ∂L/∂ŷ, so δ = ŷ − y; it is −E</source>
        <translation>恒等输出配合均方误差：f′ 与 ∂L/∂ŷ 相互抵消，所以 δ = ŷ − y，即 −E</translation>
    </message>
    <message>
        <source>sigmoid output with binary_cross_entropy: f′ cancels against ∂L/∂ŷ, so δ = ŷ − y; it is −E</source>
        <translation>sigmoid 输出配合二元交叉熵：f′ 与 ∂L/∂ŷ 相互抵消，所以 δ = ŷ − y，即 −E</translation>
    </message>
    <message>
        <source>softmax output with cross_entropy: f′ cancels against ∂L/∂ŷ, so δ = ŷ − y; it is −E</source>
        <translation>softmax 输出配合交叉熵：f′ 与 ∂L/∂ŷ 相互抵消，所以 δ = ŷ − y，即 −E</translation>
    </message>
    <message>
        <source>relu′(z) = 1 if z &gt; 0 else 0</source>
        <translation>relu′(z) = 1（z &gt; 0 时），否则为 0</translation>
    </message>
    <message>
        <source>leaky_relu(z) = z if z &gt; 0 else 0.01·z</source>
        <translation>leaky_relu(z) = z（z &gt; 0 时），否则为 0.01·z</translation>
    </message>
    <message>
        <source>leaky_relu′(z) = 1 if z &gt; 0 else 0.01</source>
        <translation>leaky_relu′(z) = 1（z &gt; 0 时），否则为 0.01</translation>
    </message>
    <message>
        <source>Inputs and targets</source>
        <translation>输入与目标值</translation>
    </message>
    <message>
        <source>Inputs X</source>
        <translation>输入 X</translation>
    </message>
    <message>
        <source>{n} sample(s), one per row</source>
        <translation>{n} 个样本，每行一个</translation>
    </message>
    <message>
        <source>Targets y</source>
        <translation>目标值 y</translation>
    </message>
    <message>
        <source>the wanted output for each row of X</source>
        <translation>X 每一行所期望的输出</translation>
    </message>
    <message>
        <source>Weights W{l}</source>
        <translation>权重 W{l}</translation>
    </message>
    <message>
        <source>row i: input i, column j: neuron j of layer {l}</source>
        <translation>第 i 行：输入 i；第 j 列：第 {l} 层的神经元 j</translation>
    </message>
    <message>
        <source>Biases b{l}</source>
        <translation>偏置 b{l}</translation>
    </message>
    <message>
        <source>one per neuron of layer {l}</source>
        <translation>第 {l} 层每个神经元一个</translation>
    </message>
    <message>
        <source>Weights and biases</source>
        <translation>权重与偏置</translation>
    </message>
    <message>
        <source>Pre-activation Z{l}</source>
        <translation>激活前的输入 Z{l}</translation>
    </message>
    <message>
        <source>Output ŷ</source>
        <translation>输出 ŷ</translation>
    </message>
    <message>
        <source>Activation A{l}</source>
        <translation>激活值 A{l}</translation>
    </message>
    <message>
        <source>Forward through the output layer</source>
        <translation>前向传播：输出层</translation>
    </message>
    <message>
        <source>Forward through hidden layer {l}</source>
        <translation>前向传播：第 {l} 隐藏层</translation>
    </message>
    <message>
        <source>Error at the output</source>
        <translation>输出层的误差</translation>
    </message>
    <message>
        <source>Error E</source>
        <translation>误差 E</translation>
    </message>
    <message>
        <source>the book&apos;s error; the core&apos;s deltas use ŷ − y = −E</source>
        <translation>书中的误差；程序中的误差项 δ 用的是 ŷ − y = −E</translation>
    </message>
    <message>
        <source>diag f′(Z{l}) = ŷ ⊙ (1 − ŷ)</source>
        <translation>对角线 f′(Z{l}) = ŷ ⊙ (1 − ŷ)</translation>
    </message>
    <message>
        <source>softmax is not elementwise: its slope is a matrix per sample, {slope}; only its diagonal is shown</source>
        <translation>softmax 不是逐元素的：它的斜率对每个样本是一个矩阵，{slope}；这里只显示其对角线</translation>
    </message>
    <message>
        <source>Slope f′(Z{l})</source>
        <translation>斜率 f′(Z{l})</translation>
    </message>
    <message>
        <source>Slopes of the activations</source>
        <translation>激活函数的斜率</translation>
    </message>
    <message>
        <source> / N  (N = {n}, mean loss)</source>
        <translation> / N  （N = {n}，平均损失）</translation>
    </message>
    <message>
        <source>δ{l} = Jᵀ·(ŷ − y) per row{mean}</source>
        <translation>δ{l} = 每行的 Jᵀ·(ŷ − y){mean}</translation>
    </message>
    <message>
        <source>softmax slope is a matrix per sample: {slope}</source>
        <translation>softmax 的斜率对每个样本是一个矩阵：{slope}</translation>
    </message>
    <message>
        <source>δ = ∂L/∂Z; the book&apos;s δ° = E ⊙ f′(Z) is −δ</source>
        <translation>δ = ∂L/∂Z；书中的 δ° = E ⊙ f′(Z) 等于 −δ</translation>
    </message>
    <message>
        <source>Delta of the output layer</source>
        <translation>输出层的误差项</translation>
    </message>
    <message>
        <source>Output delta δ{l}</source>
        <translation>输出层误差项 δ{l}</translation>
    </message>
    <message>
        <source>Error carried back to layer {l}</source>
        <translation>反向传到第 {l} 层的误差</translation>
    </message>
    <message>
        <source>Hidden delta δ{l}</source>
        <translation>隐藏层误差项 δ{l}</translation>
    </message>
    <message>
        <source>Back to hidden layer {l}</source>
        <translation>反向传播到第 {l} 隐藏层</translation>
    </message>
    <message>
        <source>Weight gradient dW{l}</source>
        <translation>权重梯度 dW{l}</translation>
    </message>
    <message>
        <source>Bias gradient db{l}</source>
        <translation>偏置梯度 db{l}</translation>
    </message>
    <message>
        <source>db{l} = Σ over rows of δ{l}</source>
        <translation>db{l} = δ{l} 各行之和</translation>
    </message>
    <message>
        <source>Gradients of layer {l}</source>
        <translation>第 {l} 层的梯度</translation>
    </message>
    <message>
        <source>Weight change ΔW{l}</source>
        <translation>权重变化 ΔW{l}</translation>
    </message>
    <message>
        <source>the book&apos;s ΔW = η·δ°·a</source>
        <translation>即书中的 ΔW = η·δ°·a</translation>
    </message>
    <message>
        <source>Updated W{l}</source>
        <translation>更新后的 W{l}</translation>
    </message>
    <message>
        <source>Updated b{l}</source>
        <translation>更新后的 b{l}</translation>
    </message>
    <message>
        <source>Update of layer {l}</source>
        <translation>第 {l} 层的更新</translation>
    </message>
    <message>
        <source>Whole training set</source>
        <translation>整个训练集</translation>
    </message>
    <message>
        <source>One sample</source>
        <translation>单个样本</translation>
    </message>
    <message>
        <source>Next mini-batch</source>
        <translation>下一个小批量</translation>
    </message>
    <message>
        <source>Clicked point</source>
        <translation>点击的点</translation>
    </message>
    <message>
        <source>Step inspector</source>
        <translation>逐步检查器</translation>
    </message>
</context>
<context>
    <name>InspectorView</name>
    <message>
        <source>sample </source>
        <translation>样本 </translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Pick the sample from a table of the training data</source>
        <translation>从训练数据的表格中选择样本</translation>
    </message>
    <message>
        <source>Follow training</source>
        <translation>跟随训练</translation>
    </message>
    <message>
        <source>Re-trace with the latest weights while training runs</source>
        <translation>训练进行时用最新的权重重新计算</translation>
    </message>
    <message>
        <source>significant digits</source>
        <translation>有效数字</translation>
    </message>
    <message>
        <source>Copy as CSV</source>
        <translation>复制为 CSV</translation>
    </message>
    <message>
        <source>Copy the selected matrix, every digit, as CSV</source>
        <translation>把选中的矩阵复制为 CSV（保留全部位数）</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>批次：</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>精度：</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <source>Apply step</source>
        <translation>执行这一步</translation>
    </message>
    <message>
        <source>Perform this update (W ← W − η·dW) on the network</source>
        <translation>在网络上执行这次更新（W ← W − η·dW）</translation>
    </message>
    <message>
        <source>Step {number} of {count}: {title}</source>
        <translation>第 {number} 步（共 {count} 步）：{title}</translation>
    </message>
    <message>
        <source>N = 1 sample</source>
        <translation>N = 1 个样本</translation>
    </message>
    <message>
        <source>N = {n} samples</source>
        <translation>N = {n} 个样本</translation>
    </message>
    <message>
        <source>loss = {loss}</source>
        <translation>损失 = {loss}</translation>
    </message>
    <message>
        <source>update: plain SGD, no L2</source>
        <translation>更新：普通 SGD，无 L2</translation>
    </message>
    <message>
        <source>Open or build a network to see one backpropagation step.</source>
        <translation>打开或搭建一个网络，即可查看反向传播的一步。</translation>
    </message>
    <message>
        <source>Copied {matrix} as CSV.</source>
        <translation>已将 {matrix} 复制为 CSV。</translation>
    </message>
    <message>
        <source>Select a cell to see how it was computed.</source>
        <translation>选择一个单元格，查看它是如何算出来的。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{matrix} ({n} cells)</source>
        <translation>{matrix}（{n} 个单元格）</translation>
    </message>
    <message>
        <source>computed from {matrices}</source>
        <translation>由 {matrices} 计算而来</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>Lang&amp;uage</source>
        <translation>语言(&amp;U)</translation>
    </message>
    <message>
        <source>System ({language})</source>
        <translation>跟随系统 ({language})</translation>
    </message>
    <message>
        <source>The language changes when BP Studio starts next time.</source>
        <translation>界面语言将在下次启动 BP Studio 时切换。</translation>
    </message>
</context>
<context>
    <name>Layout</name>
    <message>
        <source>Reset La&amp;yout</source>
        <translation>重置布局(&amp;Y)</translation>
    </message>
    <message>
        <source>Put the docks back where they were at the first start</source>
        <translation>把各面板放回首次启动时的位置</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>&lt;p&gt;Choose a lesson from the Lessons menu: it loads an example from the articles and opens the views that explain it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;从“课程”菜单中选择一个课程：它会载入文章中的一个示例，并打开讲解它的视图。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <source>no hidden layer (logistic regression)</source>
        <translation>无隐藏层（逻辑回归）</translation>
    </message>
    <message>
        <source>&lt;p&gt;The study of the seed-002 article: 1,000 samples of 20 features, of which only 2 are informative and 2 more are linear combinations of them (the rest is noise), 25 % held out for testing. A network with two hidden layers of i sigmoid neurons is trained for i = 5, 10, …, 100, several seeds per size, and its test accuracy plotted against i.&lt;/p&gt;&lt;p&gt;The Sweep dialog runs it as the lesson opens, quickly (3 seeds, 40 epochs); &lt;b&gt;Full Study&lt;/b&gt; runs the seed&apos;s numbers (5 seeds, 200 epochs of Adam, batches of 32). The dashed line is the network without a hidden layer (logistic regression, trained the same way); with scikit-learn installed its LogisticRegression, LinearSVC, RandomForest and GaussianNB join it, fitted on the identical split.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Why the curve is flat and noisy.&lt;/b&gt; The classes differ in two directions only: a handful of neurons already draws every boundary the data holds, and more neurons add capacity the data cannot use (the other 16 features are noise or copies). Above five neurons the mean moves by less than the spread between seeds. That spread is small in absolute terms but large against the differences: the test set has 250 samples, so one sample is 0.4 % of accuracy, and a different starting point or sample order flips a few of the samples near the boundary (and 1 % of the labels are flipped on purpose). Read the band, not the wiggles: one seed per size would show a pattern that is not there.&lt;/p&gt;&lt;p&gt;Click a dot to open that run as the document, and pin it (Compare) to set it beside another.&lt;/p&gt;</source>
        <translation>&lt;p&gt;第 002 篇文章中的研究：1,000 个样本，每个样本 20 个特征，其中只有 2 个有信息量，另有 2 个是它们的线性组合（其余都是噪声），留出 25 % 用于测试。对 i = 5, 10, …, 100，训练有两个隐藏层、每层 i 个 sigmoid 神经元的网络，每种大小用多个随机种子，并画出测试准确率随 i 的变化。&lt;/p&gt;&lt;p&gt;课程打开时，参数扫描对话框会快速运行一遍（3 个随机种子，40 轮）；&lt;b&gt;完整研究&lt;/b&gt;按文章中的设置运行（5 个随机种子，Adam 训练 200 轮，批大小 32）。虚线是没有隐藏层的网络（逻辑回归，训练方式相同）；若安装了 scikit-learn，还会加上在同一划分上拟合的 LogisticRegression、LinearSVC、RandomForest 和 GaussianNB。&lt;/p&gt;&lt;p&gt;&lt;b&gt;为什么曲线平坦而又起伏。&lt;/b&gt;两个类别只在两个方向上有差别：少数几个神经元就已经能画出数据中的所有边界，更多的神经元只是增加了数据用不上的容量（其余 16 个特征是噪声或副本）。超过五个神经元之后，均值的变化小于不同随机种子之间的离散程度。这个离散程度的绝对值很小，但相对于各大小之间的差别却很大：测试集有 250 个样本，一个样本就是 0.4 % 的准确率，换一个起点或样本顺序，就会让边界附近的几个样本换边（另外还有 1 % 的标签被故意翻转）。要看整条色带，而不是起伏：每种大小只用一个随机种子，会显示出一个并不存在的规律。&lt;/p&gt;&lt;p&gt;点击一个点，可以把那次运行作为文档打开，再把它固定（对比），与另一次运行并排比较。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The seed&apos;s TensorFlow example on the same data: 20-10-10-1, ReLU hidden layers and an identity output, squared error, full-batch gradient descent at learning rate 0.1 for 1,000 steps, weights drawn Glorot-uniform as Keras does. Press Train: each epoch is one step on the whole training set. The printout below is this run&apos;s test loss every 100 steps, computed as the lesson opened.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Why our numbers are half of Keras&apos;s.&lt;/b&gt; BP Studio&apos;s squared error is ½(ŷ − y)², the textbook&apos;s, whose gradient is (ŷ − y); Keras&apos;s &lt;code&gt;mse&lt;/code&gt; is (ŷ − y)² with gradient 2(ŷ − y). So the loss printed here is half the one TensorFlow prints for the same predictions (the right column doubles it), and at the same learning rate our steps are half as long: η = 0.2 here takes Keras&apos;s steps at 0.1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;文章中在同一数据上的 TensorFlow 示例：20-10-10-1，隐藏层用 ReLU，输出层用恒等函数，平方误差，学习率 0.1 的全批量梯度下降，共 1,000 步，权重像 Keras 那样按 Glorot 均匀分布初始化。按“训练”：每一轮就是在整个训练集上走一步。下面列出的是本次运行每 100 步的测试损失，在课程打开时算出。&lt;/p&gt;&lt;p&gt;&lt;b&gt;为什么我们的数值是 Keras 的一半。&lt;/b&gt;BP Studio 的平方误差是教科书中的 ½(ŷ − y)²，其梯度为 (ŷ − y)；Keras 的 &lt;code&gt;mse&lt;/code&gt; 是 (ŷ − y)²，梯度为 2(ŷ − y)。所以这里输出的损失是 TensorFlow 对同样的预测值输出的一半（右列把它乘以 2），而在同样的学习率下，我们的步长也只有一半：这里的 η = 0.2 走的是 Keras 在 0.1 时的步长。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Test loss every 100 steps&lt;/h4&gt;&lt;table cellspacing=&apos;0&apos; cellpadding=&apos;3&apos; border=&apos;1&apos; style=&apos;border-color:#cccccc&apos;&gt;&lt;tr&gt;&lt;th&gt;step&lt;/th&gt;&lt;th&gt;½(ŷ − y)²&lt;/th&gt;&lt;th&gt;(ŷ − y)², as Keras&lt;/th&gt;&lt;/tr&gt;{rows}&lt;/table&gt;</source>
        <translation>&lt;h4&gt;每 100 步的测试损失&lt;/h4&gt;&lt;table cellspacing=&apos;0&apos; cellpadding=&apos;3&apos; border=&apos;1&apos; style=&apos;border-color:#cccccc&apos;&gt;&lt;tr&gt;&lt;th&gt;步&lt;/th&gt;&lt;th&gt;½(ŷ − y)²&lt;/th&gt;&lt;th&gt;(ŷ − y)²，Keras 的算法&lt;/th&gt;&lt;/tr&gt;{rows}&lt;/table&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;The book&apos;s numbers in the inspector&lt;/h4&gt;&lt;table width=&apos;99%&apos; cellspacing=&apos;0&apos; cellpadding=&apos;3&apos; border=&apos;1&apos; style=&apos;border-color:#cccccc&apos;&gt;&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;number&lt;/th&gt;&lt;th&gt;book&lt;/th&gt;&lt;th&gt;inspector&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;where&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;h4&gt;书中的数值在逐步检查器中的位置&lt;/h4&gt;&lt;table width=&apos;99%&apos; cellspacing=&apos;0&apos; cellpadding=&apos;3&apos; border=&apos;1&apos; style=&apos;border-color:#cccccc&apos;&gt;&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;数值&lt;/th&gt;&lt;th&gt;书中&lt;/th&gt;&lt;th&gt;检查器&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;位置&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>our δ is ∂L/∂z = (ŷ − y)·f′; the book&apos;s error term (y − ŷ)·f′ is its negative</source>
        <translation>我们的 δ 是 ∂L/∂z = (ŷ − y)·f′，书中的误差项 (y − ŷ)·f′ 是它的相反数</translation>
    </message>
    <message>
        <source>our δ is ∂L/∂z = (ŷ − y)·f′; the book&apos;s error term (y − ŷ)·f′ is its negative; the book rounds to three decimals</source>
        <translation>我们的 δ 是 ∂L/∂z = (ŷ − y)·f′，书中的误差项 (y − ŷ)·f′ 是它的相反数；书中四舍五入到三位小数</translation>
    </message>
    <message>
        <source>&lt;p&gt;Two inputs, one hidden neuron, one output, sigmoid everywhere and no biases: the smallest network that still has a hidden layer. The inputs are x = (0.1, 0.3), the weights into the hidden neuron (0.4, −0.2), the weight to the output 0.1, the target y = 1 and the learning rate η = 0.5.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Forward.&lt;/b&gt; The hidden neuron adds up its weighted inputs and squashes them:&lt;/p&gt;{hidden}{output}&lt;p&gt;&lt;b&gt;Backward.&lt;/b&gt; The output&apos;s error term is the error times the sigmoid&apos;s slope, and the hidden neuron receives it through the weight that connects them:&lt;/p&gt;{output_delta}{hidden_delta}&lt;p&gt;&lt;b&gt;Update.&lt;/b&gt; Each weight moves by η times the error term of the neuron it feeds times the value on its input side:&lt;/p&gt;{output_change}{input_change}&lt;p&gt;&lt;b&gt;In the inspector&lt;/b&gt; (3 significant digits) you find a = 0.495 in A₁, ŷ = 0.512, and ΔW = 0.0302 in ΔW₂. The deltas appear as δ₂ = −0.122 and δ₁ = −0.00305: BP Studio writes δ = ∂L/∂z = (ŷ − y)·f′, the book&apos;s error term with the sign turned, and subtracts the gradient (W ← W − η·dW) where the book adds.&lt;/p&gt;&lt;p&gt;The book rounds δʰ to 0.003 before it computes Δw, which gives (0.00015, 0.00045). The inspector keeps every digit, δʰ = 0.0030455…, so ΔW₁ shows (0.000152, 0.000457). Both are right; only the rounding differs.&lt;/p&gt;&lt;p&gt;Notice how small δʰ is: the sigmoid&apos;s slope is at most 0.25, so every layer the error passes back through shrinks it at least fourfold. That is the vanishing gradient.&lt;/p&gt;</source>
        <translation>&lt;p&gt;两个输入、一个隐藏神经元、一个输出，激活函数都是 sigmoid，没有偏置：这是仍带有隐藏层的最小网络。输入为 x = (0.1, 0.3)，输入到隐藏神经元的权重为 (0.4, −0.2)，隐藏层到输出的权重为 0.1，目标值 y = 1，学习率 η = 0.5。&lt;/p&gt;&lt;p&gt;&lt;b&gt;前向传播。&lt;/b&gt;隐藏神经元把加权输入相加，再用激活函数压缩：&lt;/p&gt;{hidden}{output}&lt;p&gt;&lt;b&gt;反向传播。&lt;/b&gt;输出节点的误差项等于误差乘以 sigmoid 的导数，隐藏神经元通过连接二者的权重接收这个误差项：&lt;/p&gt;{output_delta}{hidden_delta}&lt;p&gt;&lt;b&gt;更新。&lt;/b&gt;每个权重的更新步长等于 η 乘以它所连向的神经元的误差项，再乘以它输入端的值：&lt;/p&gt;{output_change}{input_change}&lt;p&gt;&lt;b&gt;在逐步检查器中&lt;/b&gt;（3 位有效数字）可以看到 A₁ 中的 a = 0.495、ŷ = 0.512，以及 ΔW₂ 中的 ΔW = 0.0302。误差项显示为 δ₂ = −0.122 和 δ₁ = −0.00305：BP Studio 写作 δ = ∂L/∂z = (ŷ − y)·f′，即书中的误差项取反，并且减去梯度（W ← W − η·dW），而书中是加上。&lt;/p&gt;&lt;p&gt;书中先把 δʰ 四舍五入为 0.003，再计算 Δw，得到 (0.00015, 0.00045)。逐步检查器保留全部位数，δʰ = 0.0030455…，所以 ΔW₁ 显示为 (0.000152, 0.000457)。两者都对，只是舍入不同。&lt;/p&gt;&lt;p&gt;注意 δʰ 有多小：sigmoid 函数导数的最大值是 0.25，因此误差每反向经过一层，至少缩小为原来的四分之一。这就是梯度消失。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The exercise after the worked example: three inputs x = (0.5, 0.1, −0.2), two hidden sigmoid neurons, one sigmoid output, target 0.6, η = 0.5 and the weights the exercise gives:&lt;/p&gt;{weights}&lt;p&gt;Work it by hand first, then step through the inspector:&lt;/p&gt;{error}{hidden_delta}{changes}&lt;p&gt;The answers: ΔW₂ = (0.00804, 0.00556) and ΔW₁ = [[0.000177, −0.000511], [0.0000354, −0.000102], [−0.0000708, 0.000204]]. The inspector shows them in the ΔW tables (its δ carries the opposite sign, as in the two-input lesson).&lt;/p&gt;</source>
        <translation>&lt;p&gt;范例之后的练习：三个输入 x = (0.5, 0.1, −0.2)，两个 sigmoid 隐藏神经元，一个 sigmoid 输出，目标值 0.6，η = 0.5，权重为练习给出的值：&lt;/p&gt;{weights}&lt;p&gt;先自己手算一遍，再在逐步检查器中一步步查看：&lt;/p&gt;{error}{hidden_delta}{changes}&lt;p&gt;答案：ΔW₂ = (0.00804, 0.00556)，ΔW₁ = [[0.000177, −0.000511], [0.0000354, −0.000102], [−0.0000708, 0.000204]]。逐步检查器在 ΔW 表中显示它们（其中 δ 的符号相反，与两个输入的课程一样）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>error = y − ŷ,&amp;nbsp;&amp;nbsp; δ° = error·ŷ(1 − ŷ)</source>
        <translation>误差 = y − ŷ,&amp;nbsp;&amp;nbsp; δ° = 误差·ŷ(1 − ŷ)</translation>
    </message>
    <message>
        <source>&lt;p&gt;Three samples of four binary inputs, targets (1, 1, 0), a 4-3-1 sigmoid network and η = 0.1: the spreadsheet example that fills in every matrix step by step. The inspector&apos;s steps follow it:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;read X and y;&lt;/li&gt;&lt;li&gt;the weights and biases (random);&lt;/li&gt;&lt;li&gt;hidden input Z₁ = X·W₁ + b₁;&lt;/li&gt;&lt;li&gt;hidden activations A₁ = σ(Z₁);&lt;/li&gt;&lt;li&gt;output ŷ = σ(A₁·W₂ + b₂);&lt;/li&gt;&lt;li&gt;error E = y − ŷ;&lt;/li&gt;&lt;li&gt;slopes σ′ = A ⊙ (1 − A) for output and hidden layer;&lt;/li&gt;&lt;li&gt;output delta;&lt;/li&gt;&lt;li&gt;error at the hidden layer δ₂·W₂ᵀ;&lt;/li&gt;&lt;li&gt;hidden delta;&lt;/li&gt;&lt;li&gt;weight updates;&lt;/li&gt;&lt;li&gt;bias updates.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Click a cell to see the cells it was computed from, as the article colours them. The article adds E·slope·lr to the weights; BP Studio subtracts η·dW with δ = −E ⊙ slope, which is the same step. This example sums the loss over the samples (reduction = sum), like the article&apos;s code.&lt;/p&gt;&lt;p&gt;Then train: after a few thousand epochs the outputs come close to (1, 1, 0).&lt;/p&gt;</source>
        <translation>&lt;p&gt;三个样本，每个样本四个二值输入，目标值 (1, 1, 0)，一个 4-3-1 的 sigmoid 网络，η = 0.1：这就是一步步填写每个矩阵的表格示例。逐步检查器的步骤与它一一对应：&lt;/p&gt;&lt;ol&gt;&lt;li&gt;读取输入 X 和输出 y；&lt;/li&gt;&lt;li&gt;权重和偏置（随机初始化）；&lt;/li&gt;&lt;li&gt;隐藏层输入 Z₁ = X·W₁ + b₁；&lt;/li&gt;&lt;li&gt;隐藏层激活值 A₁ = σ(Z₁)；&lt;/li&gt;&lt;li&gt;输出 ŷ = σ(A₁·W₂ + b₂)；&lt;/li&gt;&lt;li&gt;误差 E = y − ŷ；&lt;/li&gt;&lt;li&gt;输出层和隐藏层的斜率 σ′ = A ⊙ (1 − A)；&lt;/li&gt;&lt;li&gt;输出层的增量；&lt;/li&gt;&lt;li&gt;隐藏层的误差 δ₂·W₂ᵀ；&lt;/li&gt;&lt;li&gt;隐藏层的增量；&lt;/li&gt;&lt;li&gt;更新权重；&lt;/li&gt;&lt;li&gt;更新偏置。&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;点击一个单元格，即可看到它由哪些单元格算出，颜色与文章中一样。文章把 E·斜率·lr 加到权重上；BP Studio 用 δ = −E ⊙ 斜率 减去 η·dW，两者是同一步。本例与文章的代码一样，把各样本的损失相加（归约方式为求和）。&lt;/p&gt;&lt;p&gt;然后开始训练：几千轮之后，输出接近 (1, 1, 0)。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Eight labelled points in the plane and a 2-4-1 sigmoid network without biases, weights drawn from [−1, 1), η = 0.1. Train and watch the decision regions: the network bends a line through the plane until every point is on its side.&lt;/p&gt;{model}&lt;p&gt;Open the neuron view to see what each of the four hidden neurons computes over the plane: each one is a soft step along one direction, and the output combines them.&lt;/p&gt;</source>
        <translation>&lt;p&gt;平面上八个带标签的点，一个没有偏置的 2-4-1 sigmoid 网络，权重从 [−1, 1) 中随机抽取，η = 0.1。开始训练并观察决策区域：网络在平面上弯折出一条分界线，直到每个点都落在自己的一侧。&lt;/p&gt;{model}&lt;p&gt;打开隐藏神经元视图，看看四个隐藏神经元各自在平面上计算什么：每一个都是沿某个方向的平缓阶跃，输出层再把它们组合起来。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>{model},&amp;nbsp;&amp;nbsp; class 1 where ŷ &amp;gt; 0.5</source>
        <translation>{model},&amp;nbsp;&amp;nbsp; ŷ &amp;gt; 0.5 处为类别 1</translation>
    </message>
    <message>
        <source>&lt;p&gt;A 1-100-1 network, sigmoid hidden layer and linear output, fitted to sin(x) on [−3, 3] with η = 0.05 and the mean squared error. The output delta is averaged over the batch:&lt;/p&gt;{deltas}&lt;p&gt;Train and watch the fit plot: the curve first matches the average, then the slope, then the bends. The neuron view shows the hidden neurons&apos; sigmoids, shifted and scaled; the output adds them up into a sine. The gradient-flow view shows how large each layer&apos;s gradient is as training goes on.&lt;/p&gt;</source>
        <translation>&lt;p&gt;一个 1-100-1 网络，隐藏层用 sigmoid，输出层为线性，用 η = 0.05 和均方误差在 [−3, 3] 上拟合 sin(x)。输出层的误差项对整批样本取平均：&lt;/p&gt;{deltas}&lt;p&gt;开始训练并观察拟合图：曲线先对准平均值，再对准斜率，最后对准弯曲。隐藏神经元视图显示各隐藏神经元平移、缩放后的 sigmoid；输出层把它们加起来，得到一条正弦曲线。梯度流视图显示训练过程中每一层梯度的大小。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;A single layer with no activation: three inputs x = (1, 2, 3), one output, target y = 1. Forward it is one weighted sum; the cost is the squared error:&lt;/p&gt;{forward}&lt;p&gt;The chain rule gives each parameter&apos;s gradient, and gradient descent steps against it with step size α = 0.001:&lt;/p&gt;{gradients}{steps}&lt;p&gt;BP Studio&apos;s squared error is ½(ŷ − y)², whose gradient is (ŷ − y)·xᵢ, so the learning rate η = 2α = 0.002 takes exactly the article&apos;s steps. Each step multiplies the error ŷ − y by the same factor:&lt;/p&gt;{factor}&lt;p&gt;Press Step and watch ŷ in the inspector: 3% closer to the target each time. The article&apos;s printout (3.355 → 3.284 → 3.216 …) starts from its own random weights, so its numbers differ from yours; the 3% step is the same: 2.355 → 2.284 → 2.216 is the gap to y = 1 shrinking by 0.97 each time.&lt;/p&gt;</source>
        <translation>&lt;p&gt;一个不使用激活函数的单层网络：三个输入 x = (1, 2, 3)，一个输出，目标值 y = 1。前向传播就是一次加权求和；损失取差值的平方：&lt;/p&gt;{forward}&lt;p&gt;由链式法则得到每个参数的梯度，梯度下降以步长 α = 0.001 沿梯度的反方向前进：&lt;/p&gt;{gradients}{steps}&lt;p&gt;BP Studio 的平方误差是 ½(ŷ − y)²，其梯度为 (ŷ − y)·xᵢ，所以学习率 η = 2α = 0.002 恰好走出文章中的每一步。每一步都把误差 ŷ − y 乘以同一个因子：&lt;/p&gt;{factor}&lt;p&gt;按“单步”并在逐步检查器中观察 ŷ：每次离目标值近 3%。文章的输出（3.355 → 3.284 → 3.216 …）来自它自己的随机权重，所以数值与你的不同；但 3% 的步长是一样的：2.355 → 2.284 → 2.216 正是与 y = 1 的差距每次缩小为 0.97 倍。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Backpropagation is the chain rule on a graph. Tom buys 2 apples at 10 each and pays 10% tax: the bill is a chain of multiply nodes.&lt;/p&gt;{total}&lt;p&gt;Going back from the total (whose derivative with respect to itself is 1), each node multiplies the derivative it receives by its local derivative and passes it on. An add node passes it unchanged; a multiply node passes it times the &lt;i&gt;other&lt;/i&gt; input.&lt;/p&gt;{derivatives}&lt;p&gt;A rise of 1 in the apple price raises the bill by 2.2. Switch to the two-fruit bill (3 oranges at 15 as well, total 71.5) and fill in the derivatives yourself before you look: ∂/∂orange price = 3.3, ∂/∂orange count = 16.5, ∂/∂tax = 65. Edit any input and the whole graph recomputes.&lt;/p&gt;</source>
        <translation>&lt;p&gt;反向传播就是计算图上的链式法则。Tom 在超市买了 2 个苹果，每个 10 元，消费税 10%：支付金额是一串乘法节点。&lt;/p&gt;{total}&lt;p&gt;从支付金额（它对自身的导数为 1）开始反向计算，每个节点把收到的导数乘以节点的局部导数（偏导数），再传递给前面的节点。加法节点原样传递；乘法节点乘以&lt;i&gt;另一个&lt;/i&gt;输入再传递。&lt;/p&gt;{derivatives}&lt;p&gt;苹果价格上涨 1，支付金额增加 2.2。切换到两种水果的账单（另有 3 个橙子，每个 15 元，共 71.5），先自己填入导数再看答案：∂/∂橙子价格 = 3.3，∂/∂橙子个数 = 16.5，∂/∂消费税 = 65。修改任一输入，整个计算图都会重新计算。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>total = (price · count) · tax = {product}</source>
        <translation>支付金额 = (价格 · 个数) · 消费税 = {product}</translation>
    </message>
    <message>
        <source>∂total/∂price = 2.2,&amp;nbsp;&amp;nbsp; ∂total/∂count = 11,&amp;nbsp;&amp;nbsp; ∂total/∂tax = 20</source>
        <translation>∂支付金额/∂价格 = 2.2,&amp;nbsp;&amp;nbsp; ∂支付金额/∂个数 = 11,&amp;nbsp;&amp;nbsp; ∂支付金额/∂消费税 = 20</translation>
    </message>
    <message>
        <source>the book computes 0.5·0.003·0.1 with δʰ rounded to 0.003</source>
        <translation>书中用四舍五入为 0.003 的 δʰ 计算 0.5·0.003·0.1</translation>
    </message>
    <message>
        <source>The chain rule on a shopping bill</source>
        <translation>购物账单上的链式法则</translation>
    </message>
    <message>
        <source>Worked example: two inputs, one hidden neuron</source>
        <translation>范例：两个输入，一个隐藏神经元</translation>
    </message>
    <message>
        <source>hidden output a</source>
        <translation>隐藏层输出 a</translation>
    </message>
    <message>
        <source>output ŷ</source>
        <translation>输出 ŷ</translation>
    </message>
    <message>
        <source>output error term δ°</source>
        <translation>输出节点的误差项 δ°</translation>
    </message>
    <message>
        <source>hidden error term δʰ</source>
        <translation>隐藏节点的误差项 δʰ</translation>
    </message>
    <message>
        <source>output weight change ΔW</source>
        <translation>隐藏层-输出层权重的变化 ΔW</translation>
    </message>
    <message>
        <source>input weight change Δw₁</source>
        <translation>输入-隐藏层权重的变化 Δw₁</translation>
    </message>
    <message>
        <source>input weight change Δw₂</source>
        <translation>输入-隐藏层权重的变化 Δw₂</translation>
    </message>
    <message>
        <source>the book computes 0.5·0.003·0.3 with δʰ rounded to 0.003</source>
        <translation>书中用四舍五入为 0.003 的 δʰ 计算 0.5·0.003·0.3</translation>
    </message>
    <message>
        <source>Exercise: three inputs, given weights</source>
        <translation>练习：三个输入，给定的权重</translation>
    </message>
    <message>
        <source>ΔW₂ (first)</source>
        <translation>ΔW₂（第一个）</translation>
    </message>
    <message>
        <source>ΔW₂ (second)</source>
        <translation>ΔW₂（第二个）</translation>
    </message>
    <message>
        <source>Step by step: the 3×4 binary example</source>
        <translation>逐步演示：3×4 的二值示例</translation>
    </message>
    <message>
        <source>Classifier: eight points, decision regions</source>
        <translation>分类器：八个点与决策区域</translation>
    </message>
    <message>
        <source>Function fit: approximating sin(x)</source>
        <translation>函数拟合：逼近 sin(x)</translation>
    </message>
    <message>
        <source>Gradient descent: single-layer linear regression</source>
        <translation>梯度下降：单层线性回归</translation>
    </message>
    <message>
        <source>Hidden size and accuracy (seed 002)</source>
        <translation>隐藏层大小与准确率（文章 002）</translation>
    </message>
    <message>
        <source>The TensorFlow example (seed 002)</source>
        <translation>TensorFlow 示例（文章 002）</translation>
    </message>
</context>
<context>
    <name>LessonsMenu</name>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>Open the lesson “{title}”</source>
        <translation>打开课程“{title}”</translation>
    </message>
</context>
<context>
    <name>Limits</name>
    <message>
        <source>{field}: {classes} classes × {clusters} clusters need as many hypercube vertices, but {informative} informative features give {vertices}; use more informative features or fewer clusters</source>
        <translation>{field}：{classes} 个类别 × {clusters} 个簇需要同样多的超立方体顶点，但 {informative} 个有效特征只有 {vertices} 个；请用更多有效特征或更少的簇</translation>
    </message>
    <message>
        <source>{field}: must be a whole number &gt;= {minimum} ({why}), got {value}</source>
        <translation>{field}：必须是 &gt;= {minimum} 的整数（{why}），实际为 {value}</translation>
    </message>
    <message>
        <source>{field}: must be a whole number &gt;= {minimum}, got {value}</source>
        <translation>{field}：必须是 &gt;= {minimum} 的整数，实际为 {value}</translation>
    </message>
    <message>
        <source>at least one point for each of the {classes} classes</source>
        <translation>{classes} 个类别每类至少一个点</translation>
    </message>
    <message>
        <source>a classification problem needs two classes or more</source>
        <translation>分类问题至少需要两个类别</translation>
    </message>
    <message>
        <source>any whole number; the same seed gives the same data</source>
        <translation>任意整数；相同的种子给出相同的数据</translation>
    </message>
    <message>
        <source>{field}: must be {range}, got {value}</source>
        <translation>{field}：必须是 {range}，实际为 {value}</translation>
    </message>
    <message>
        <source>a whole number from {low} to {high}</source>
        <translation>{low} 到 {high} 之间的整数</translation>
    </message>
    <message>
        <source>a number in {interval}</source>
        <translation>{interval} 内的数</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>个样本</translation>
    </message>
    <message>
        <source>ask for fewer samples</source>
        <translation>请减少样本数</translation>
    </message>
    <message>
        <source>classes</source>
        <translation>个类别</translation>
    </message>
    <message>
        <source>ask for fewer classes</source>
        <translation>请减少类别数</translation>
    </message>
    <message>
        <source>{field}: at most {limit} {what}, got {value}; {fix}</source>
        <translation>{field}：最多 {limit} {what}，实际为 {value}；{fix}</translation>
    </message>
    <message>
        <source>{field}: a seed must be a whole number from 0 to 2**63 - 1 ({limit}), got {value}</source>
        <translation>{field}：种子必须是 0 到 2**63 - 1（{limit}）之间的整数，实际为 {value}</translation>
    </message>
    <message>
        <source>weight layers (hidden layers and the output layer)</source>
        <translation>个权重层（隐藏层加输出层）</translation>
    </message>
    <message>
        <source>use fewer hidden layers</source>
        <translation>请减少隐藏层</translation>
    </message>
    <message>
        <source>{field}: the network would have at least {count} parameters; BP Studio works with up to {limit} (use fewer or smaller hidden layers)</source>
        <translation>{field}：网络将至少有 {count} 个参数；BP Studio 最多处理 {limit} 个（请减少隐藏层或缩小隐藏层）</translation>
    </message>
    <message>
        <source>{field}: the network would have {count} parameters; BP Studio works with up to {limit} (use fewer or smaller hidden layers)</source>
        <translation>{field}：网络将有 {count} 个参数；BP Studio 最多处理 {limit} 个（请减少隐藏层或缩小隐藏层）</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>行</translation>
    </message>
    <message>
        <source>import fewer rows</source>
        <translation>请导入更少的行</translation>
    </message>
    <message>
        <source>numbers in the rows (inputs and targets)</source>
        <translation>个数值（输入和目标）</translation>
    </message>
    <message>
        <source>import fewer rows or columns</source>
        <translation>请导入更少的行或列</translation>
    </message>
    <message>
        <source>{field}: {samples} samples × ({inputs} inputs + {outputs} outputs) are {count} numbers to train on; BP Studio works with up to {limit} (use fewer samples, inputs or classes)</source>
        <translation>{field}：{samples} 个样本 ×（{inputs} 个输入 + {outputs} 个输出）共 {count} 个数值要训练；BP Studio 最多处理 {limit} 个（请减少样本、输入或类别）</translation>
    </message>
    <message>
        <source>named columns (inputs and targets)</source>
        <translation>个有名称的列（输入和目标）</translation>
    </message>
    <message>
        <source>leave the column names out</source>
        <translation>请省去列名</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>个字符</translation>
    </message>
    <message>
        <source>shorten the name</source>
        <translation>请缩短名称</translation>
    </message>
    <message>
        <source>samples per batch</source>
        <translation>个样本每批</translation>
    </message>
    <message>
        <source>use a smaller batch, or None (null) for the whole training set</source>
        <translation>请用更小的批，或用 None（null）表示整个训练集</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>use a smaller limit, or None (null) for no limit</source>
        <translation>请用更小的上限，或用 None（null）表示不限</translation>
    </message>
    <message>
        <source>shorten the title (longer text belongs in the notes)</source>
        <translation>请缩短标题（较长的文字请写在备注里）</translation>
    </message>
    <message>
        <source>shorten the notes</source>
        <translation>请缩短备注</translation>
    </message>
    <message>
        <source>reset training to start again from epoch 0</source>
        <translation>请重置训练，从第 0 轮重新开始</translation>
    </message>
    <message>
        <source>optimizer steps</source>
        <translation>个优化步</translation>
    </message>
    <message>
        <source>reset training to start a new history</source>
        <translation>请重置训练，开始新的历史记录</translation>
    </message>
    <message>
        <source>{field}: {samples} samples × {width} inputs and outputs are {count} numbers; BP Studio trains on up to {limit} (use fewer samples or classes)</source>
        <translation>{field}：{samples} 个样本 × {width} 个输入和输出共 {count} 个数值；BP Studio 最多训练 {limit} 个（请减少样本或类别）</translation>
    </message>
    <message>
        <source>training: needs about {needed} of memory (data {data}, activations {activations}, weights {weights}, plots {plots}) but this machine has {available} available, of which BP Studio takes at most {share}; use fewer samples, a smaller batch size or a smaller network</source>
        <translation>训练：约需 {needed} 内存（数据 {data}，激活值 {activations}，权重 {weights}，绘图 {plots}），但本机可用 {available}，BP Studio 最多使用其中的 {share}；请减少样本数、减小批大小或使用更小的网络</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Open the lesson “{title}”</source>
        <translation>打开课程“{title}”</translation>
    </message>
    <message>
        <source>Back at epoch {epoch}.</source>
        <translation>回到第 {epoch} 轮。</translation>
    </message>
    <message>
        <source>Cannot build the data: {reason}</source>
        <translation>无法生成数据：{reason}</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Reset (undo returns to epoch {epoch})</source>
        <translation>重置（撤销可回到第 {epoch} 轮）</translation>
    </message>
    <message>
        <source>Weights reset to {start}: epoch 0</source>
        <translation>权重已重置为{start}：第 0 轮</translation>
    </message>
    <message>
        <source>training paused; </source>
        <translation>训练已暂停；</translation>
    </message>
    <message>
        <source>Training settings changed: {paused}the weights were kept.</source>
        <translation>训练设置已更改：{paused}权重保持不变。</translation>
    </message>
    <message>
        <source>Network changed: {paused}rebuilt with {start} (epoch 0).</source>
        <translation>网络已更改：{paused}已用{start}重建（第 0 轮）。</translation>
    </message>
    <message>
        <source>Data changed: {paused}rebuilt with {start} (epoch 0).</source>
        <translation>数据已更改：{paused}已用{start}重建（第 0 轮）。</translation>
    </message>
</context>
<context>
    <name>NeuronView</name>
    <message>
        <source>Blue: the layer&apos;s lowest output, white: halfway, orange: its highest.</source>
        <translation>蓝色：该层的最低输出；白色：居中；橙色：最高输出。</translation>
    </message>
    <message>
        <source>Click a thumbnail to see it large.</source>
        <translation>点击缩略图可放大查看。</translation>
    </message>
    <message>
        <source>Hidden neurons</source>
        <translation>隐藏神经元</translation>
    </message>
    <message>
        <source>All neurons</source>
        <translation>全部神经元</translation>
    </message>
    <message>
        <source>Show every hidden neuron as a thumbnail</source>
        <translation>以缩略图显示每个隐藏神经元</translation>
    </message>
    <message>
        <source>Neuron views need data with one or two inputs.</source>
        <translation>神经元视图需要只有一个或两个输入的数据。</translation>
    </message>
    <message>
        <source>The inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>neuron output</source>
        <translation>神经元输出</translation>
    </message>
    <message>
        <source>This network has no hidden layer.</source>
        <translation>这个网络没有隐藏层。</translation>
    </message>
    <message>
        <source>layer {layer}, neuron {neuron}</source>
        <translation>第 {layer} 层，神经元 {neuron}</translation>
    </message>
    <message>
        <source>outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>{shown} hidden neurons</source>
        <translation>{shown} 个隐藏神经元</translation>
    </message>
    <message>
        <source>first {shown} of {total} neurons</source>
        <translation>共 {total} 个神经元中的前 {shown} 个</translation>
    </message>
</context>
<context>
    <name>ParameterEdits</name>
    <message>
        <source>{name} set to {value} (was {old}); training paused.</source>
        <translation>{name} 已设为 {value}（原为 {old}）；训练已暂停。</translation>
    </message>
</context>
<context>
    <name>Probe</name>
    <message>
        <source>x = {x}
network: {values}
(step inspector: Batch ▸ Clicked point)</source>
        <translation>x = {x}
网络：{values}
（逐步检查器：批次 ▸ 点击的点）</translation>
    </message>
    <message>
        <source>
(step inspector: Batch ▸ Clicked point, as {nearest}, the nearest sample&apos;s class)</source>
        <translation>
（逐步检查器：批次 ▸ 点击的点，类别取最近样本的类别 {nearest}）</translation>
    </message>
</context>
<context>
    <name>SampleDialog</name>
    <message>
        <source>Choose a training sample</source>
        <translation>选择一个训练样本</translation>
    </message>
    <message>
        <source>{n} training samples; the step inspector traces the one you choose.</source>
        <translation>共 {n} 个训练样本；逐步检查器计算你选中的那一个。</translation>
    </message>
</context>
<context>
    <name>Starters</name>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Adapted to {dataset}: {settings}</source>
        <translation>已按{dataset}调整：{settings}</translation>
    </message>
    <message>
        <source>kept what you set: {settings}</source>
        <translation>保留了你设置的：{settings}</translation>
    </message>
    <message>
        <source>{parts}.</source>
        <translation>{parts}。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>no hidden layer</source>
        <translation>无隐藏层</translation>
    </message>
    <message>
        <source>hidden layers {sizes}</source>
        <translation>隐藏层 {sizes}</translation>
    </message>
    <message>
        <source>optimizer {name}</source>
        <translation>优化器 {name}</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <source>batch size {size}</source>
        <translation>批大小 {size}</translation>
    </message>
    <message>
        <source>standardize on</source>
        <translation>标准化 开</translation>
    </message>
    <message>
        <source>standardize off</source>
        <translation>标准化 关</translation>
    </message>
    <message>
        <source>init {name}</source>
        <translation>初始化 {name}</translation>
    </message>
    <message>
        <source>learning rate {value}</source>
        <translation>学习率 {value}</translation>
    </message>
    <message>
        <source>test fraction {value}</source>
        <translation>测试比例 {value}</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop opening the file; the network on screen stays</source>
        <translation>停止打开文件；屏幕上的网络保持不变</translation>
    </message>
    <message>
        <source>Epoch {epoch}</source>
        <translation>第 {epoch} 轮</translation>
    </message>
    <message>
        <source>Accuracy: train {train}, test {test}</source>
        <translation>准确率：训练 {train}，测试 {test}</translation>
    </message>
    <message>
        <source>R²: train {train}, test {test}</source>
        <translation>R²：训练 {train}，测试 {test}</translation>
    </message>
    <message>
        <source>{rate} epochs/s</source>
        <translation>{rate} 轮/秒</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Loss: train {train} (starting weights), test {test}</source>
        <translation>损失：训练 {train}（初始权重），测试 {test}</translation>
    </message>
    <message>
        <source>The loss of the starting weights</source>
        <translation>初始权重的损失</translation>
    </message>
    <message>
        <source>Loss: train {train} ({epoch_mean}), test {test}</source>
        <translation>损失：训练 {train}（{epoch_mean}），测试 {test}</translation>
    </message>
    <message>
        <source>Train loss ({epoch_mean}): {train}, {epoch_mean_means}; the number of the loss curve, bpstudio info and the CSV export.
Train loss {at_epoch_end}: {end}, {at_epoch_end_means}.
Test loss: {test}, of the weights at the epoch&apos;s end.</source>
        <translation>训练损失（{epoch_mean}）：{train}，即{epoch_mean_means}；与损失曲线、命令行（bpstudio）和 CSV 导出中的数值相同。
训练损失（{at_epoch_end}）：{end}，即{at_epoch_end_means}。
测试损失：{test}，为本轮结束时的权重所得。</translation>
    </message>
    <message>
        <source>Preparing {count} samples and their plots…</source>
        <translation>正在准备 {count} 个样本及其图…</translation>
    </message>
</context>
<context>
    <name>StepPage</name>
    <message>
        <source>Used in this step</source>
        <translation>本步用到的矩阵</translation>
    </message>
    <message>
        <source>from step {number}</source>
        <translation>来自第 {number} 步</translation>
    </message>
    <message>
        <source>Step {number}: {title}</source>
        <translation>第 {number} 步：{title}</translation>
    </message>
</context>
<context>
    <name>Sweep</name>
    <message>
        <source>hidden neurons (every layer)</source>
        <translation>隐藏层神经元数（每层）</translation>
    </message>
    <message>
        <source>hidden layers</source>
        <translation>隐藏层数</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>hidden activation</source>
        <translation>隐藏层激活函数</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>hidden neurons (layer {number})</source>
        <translation>隐藏层神经元数（第 {number} 层）</translation>
    </message>
    <message>
        <source>S&amp;weep…</source>
        <translation>参数扫描(&amp;W)…</translation>
    </message>
    <message>
        <source>Train the network over the values of one or two settings and several seeds, in the background, and plot the results</source>
        <translation>在后台按一到两个设置的多个取值和多个随机种子训练网络，并绘制结果</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>参数扫描</translation>
    </message>
    <message>
        <source>and a second setting (a grid)</source>
        <translation>以及第二个设置（网格）</translation>
    </message>
    <message>
        <source>A list (2,4,8), a range START:STOP:STEP (5:100:5), or N values evenly spaced on a log scale START:STOP:logN (1e-3:1:log5)</source>
        <translation>一个列表 (2,4,8)、一个范围 起点:终点:步长 (5:100:5)，或在对数刻度上均匀分布的 N 个值 起点:终点:logN (1e-3:1:log5)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>A train loss: the results report the first epoch at or below it</source>
        <translation>一个训练损失值：结果会报告首次达到或低于它的轮次</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Full Study</source>
        <translation>完整研究</translation>
    </message>
    <message>
        <source>Run the lesson&apos;s sweep at the study&apos;s own size (slower)</source>
        <translation>按研究本身的规模运行课程的参数扫描（较慢）</translation>
    </message>
    <message>
        <source>Vary</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>seeds per point</source>
        <translation>每点随机种子数</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>target loss</source>
        <translation>目标损失</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>{done}/{runs} runs, {left} left</source>
        <translation>{done}/{runs} 次运行，剩余 {left}</translation>
    </message>
    <message>
        <source>; cancelled: the runs that ended are kept</source>
        <translation>；已取消：已结束的运行会保留</translation>
    </message>
    <message>
        <source>{ended} of {runs} runs ended in {time}{cancelled}</source>
        <translation>{runs} 次运行中有 {ended} 次在 {time} 内结束{cancelled}</translation>
    </message>
    <message>
        <source>The sweep failed: {reason}</source>
        <translation>参数扫描失败：{reason}</translation>
    </message>
    <message>
        <source>Export {format}…</source>
        <translation>导出 {format}…</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Cannot export: {reason}</source>
        <translation>无法导出：{reason}</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>test {score}</source>
        <translation>测试{score}</translation>
    </message>
    <message>
        <source>train {score}</source>
        <translation>训练{score}</translation>
    </message>
    <message>
        <source>final test loss</source>
        <translation>最终测试损失</translation>
    </message>
    <message>
        <source>final train loss</source>
        <translation>最终训练损失</translation>
    </message>
    <message>
        <source>epochs to target loss</source>
        <translation>达到目标损失的轮数</translation>
    </message>
    <message>
        <source>{setting} (log scale)</source>
        <translation>{setting}（对数刻度）</translation>
    </message>
</context>
<context>
    <name>Trainer</name>
    <message>
        <source>a weight became infinite or NaN</source>
        <translation>某个权重变成了无穷大或 NaN</translation>
    </message>
    <message>
        <source>the weights {samples} samples into epoch {epoch}</source>
        <translation>第 {epoch} 轮训练了 {samples} 个样本时的权重</translation>
    </message>
    <message>
        <source>the weights after epoch {epoch}</source>
        <translation>第 {epoch} 轮结束后的权重</translation>
    </message>
    <message>
        <source>the starting weights</source>
        <translation>初始权重</translation>
    </message>
    <message>
        <source>Training diverged at epoch {epoch}: {what}. Training went back to {kept}, the last known to be finite. Lower the learning rate (now {rate}), for example to a tenth, or reset the weights and try again.</source>
        <translation>训练在第 {epoch} 轮发散：{what}。训练已退回到{kept}，这是最后一组确知有限的权重。请降低学习率（当前为 {rate}），例如降到十分之一，或重置权重后再试。</translation>
    </message>
    <message>
        <source>the loss became infinite</source>
        <translation>损失变成了无穷大</translation>
    </message>
    <message>
        <source>the loss became NaN (not a number)</source>
        <translation>损失变成了 NaN（非数值）</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <source>Training stopped: the computer ran out of memory. Use fewer samples, a smaller batch size or a smaller network.</source>
        <translation>训练已停止：计算机内存不足。请减少样本数、减小批大小或使用更小的网络。</translation>
    </message>
    <message>
        <source>Training stopped: an unexpected error ({error}).</source>
        <translation>训练已停止：发生意外错误（{error}）。</translation>
    </message>
</context>
<context>
    <name>TrainingReplies</name>
    <message>
        <source>Training diverged and was paused.</source>
        <translation>训练发散，已暂停。</translation>
    </message>
    <message>
        <source>Training diverged</source>
        <translation>训练发散</translation>
    </message>
    <message>
        <source>Reached the epoch limit ({epoch}): training stopped. Raise the limit to go on.</source>
        <translation>已达到轮数上限（{epoch}）：训练停止。提高上限即可继续。</translation>
    </message>
    <message>
        <source>{stopped}. Change the stopping rule to go on.</source>
        <translation>{stopped}。更改停止规则即可继续。</translation>
    </message>
    <message>
        <source>Cannot train this network: {reason}</source>
        <translation>无法训练这个网络：{reason}</translation>
    </message>
    <message>
        <source>Cannot train</source>
        <translation>无法训练</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>{what} (weights kept)</source>
        <translation>{what}（权重保留）</translation>
    </message>
    <message>
        <source>{what} (undo returns to epoch {epoch})</source>
        <translation>{what}（撤销可回到第 {epoch} 轮）</translation>
    </message>
    <message>
        <source>Data settings</source>
        <translation>数据设置</translation>
    </message>
    <message>
        <source>Data: {name}</source>
        <translation>数据：{name}</translation>
    </message>
    <message>
        <source>Network settings</source>
        <translation>网络设置</translation>
    </message>
    <message>
        <source>Network: {before} → {after}</source>
        <translation>网络：{before} → {after}</translation>
    </message>
    <message>
        <source>Training settings</source>
        <translation>训练设置</translation>
    </message>
    <message>
        <source>no hidden</source>
        <translation>无隐藏层</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <source>Decision regions</source>
        <translation>决策区域</translation>
    </message>
    <message>
        <source>Choose data to see the decision regions.</source>
        <translation>选择数据以查看决策区域。</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source> ({shown} of {all} shown)</source>
        <translation>（显示 {all} 个中的 {shown} 个）</translation>
    </message>
    <message>
        <source>Decision regions are drawn for classification; this is a regression task.</source>
        <translation>决策区域用于分类问题；这是一个回归任务。</translation>
    </message>
    <message>
        <source>Decision regions need exactly two inputs to draw the plane; this data has {inputs}.</source>
        <translation>决策区域需要恰好两个输入才能画出平面；这份数据有 {inputs} 个。</translation>
    </message>
    <message>
        <source>The inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>拟合</translation>
    </message>
    <message>
        <source>Choose data to see the fit.</source>
        <translation>选择数据以查看拟合。</translation>
    </message>
    <message>
        <source>true function</source>
        <translation>真实函数</translation>
    </message>
    <message>
        <source>network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>curve above the plot: ŷ {low} … {high}</source>
        <translation>曲线在图的上方：ŷ {low} … {high}</translation>
    </message>
    <message>
        <source>curve below the plot: ŷ {low} … {high}</source>
        <translation>曲线在图的下方：ŷ {low} … {high}</translation>
    </message>
    <message>
        <source>curve outside the plot: ŷ {low} … {high}</source>
        <translation>曲线在图外：ŷ {low} … {high}</translation>
    </message>
    <message>
        <source>The fit plot shows regression; this is a classification task.</source>
        <translation>拟合图用于回归问题；这是一个分类任务。</translation>
    </message>
    <message>
        <source>The fit plot draws one input against the target; this data has {inputs} inputs.</source>
        <translation>拟合图画的是一个输入对目标的关系；这份数据有 {inputs} 个输入。</translation>
    </message>
    <message>
        <source>The data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Rows: the true class. Columns: the class the network predicts.</source>
        <translation>行：真实类别。列：网络预测的类别。</translation>
    </message>
    <message>
        <source>false positive rate</source>
        <translation>假正例率</translation>
    </message>
    <message>
        <source>true positive rate</source>
        <translation>真正例率</translation>
    </message>
    <message>
        <source>Confusion matrix (rows: true class, columns: predicted)</source>
        <translation>混淆矩阵（行：真实类别，列：预测类别）</translation>
    </message>
    <message>
        <source>{classes} classes: too many to draw the matrix</source>
        <translation>{classes} 个类别：太多，无法画出矩阵</translation>
    </message>
    <message>
        <source>Accuracy {accuracy} ({right} of {total} samples right)</source>
        <translation>准确率 {accuracy}（{total} 个样本中 {right} 个正确）</translation>
    </message>
    <message>
        <source>ROC curve: only one class among these samples</source>
        <translation>ROC 曲线：这些样本中只有一个类别</translation>
    </message>
    <message>
        <source>ROC curve, AUC {auc}</source>
        <translation>ROC 曲线，AUC {auc}</translation>
    </message>
    <message>
        <source>true value</source>
        <translation>真实值</translation>
    </message>
    <message>
        <source>predicted value</source>
        <translation>预测值</translation>
    </message>
    <message>
        <source>residual (true − predicted)</source>
        <translation>残差（真实 − 预测）</translation>
    </message>
    <message>
        <source>R² {r2}    MAE {mae}    ({samples} samples)</source>
        <translation>R² {r2}    MAE {mae}    （{samples} 个样本）</translation>
    </message>
    <message>
        <source>Training data</source>
        <translation>训练数据</translation>
    </message>
    <message>
        <source>Test data</source>
        <translation>测试数据</translation>
    </message>
    <message>
        <source>The numbers come with the next snapshot (train, or step one epoch).</source>
        <translation>数值随下一个快照到来（训练，或单步训练一轮）。</translation>
    </message>
    <message>
        <source>Judging</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Row-normalised</source>
        <translation>按行归一化</translation>
    </message>
    <message>
        <source>Each row as the share of its true class&apos;s samples, instead of counts</source>
        <translation>每行显示占该真实类别样本的比例，而不是个数</translation>
    </message>
    <message>
        <source>Choose data to judge the network on.</source>
        <translation>选择数据以评估网络。</translation>
    </message>
    <message>
        <source>epoch {epoch}</source>
        <translation>第 {epoch} 轮</translation>
    </message>
    <message>
        <source>No judgement of the training data: it has no samples, or the network&apos;s outputs overflowed.</source>
        <translation>无法评估训练数据：它没有样本，或网络的输出溢出了。</translation>
    </message>
    <message>
        <source>No judgement of the test data: it has no samples, or the network&apos;s outputs overflowed.</source>
        <translation>无法评估测试数据：它没有样本，或网络的输出溢出了。</translation>
    </message>
    <message>
        <source>best test loss, epoch {epoch} (restored)</source>
        <translation>最佳测试损失，第 {epoch} 轮（已恢复）</translation>
    </message>
    <message>
        <source>best test loss, epoch {epoch}</source>
        <translation>最佳测试损失，第 {epoch} 轮</translation>
    </message>
    <message>
        <source>train ({epoch_mean})</source>
        <translation>训练（{epoch_mean}）</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis</source>
        <translation>用对数坐标轴显示损失</translation>
    </message>
    <message>
        <source>Show the learning rate η of each epoch on a second axis</source>
        <translation>在第二条坐标轴上显示每轮的学习率 η</translation>
    </message>
    <message>
        <source>no training yet</source>
        <translation>尚未训练</translation>
    </message>
    <message>
        <source>in</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>out</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>h{layer}</source>
        <translation>隐{layer}</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入层</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>hidden {layer}</source>
        <translation>隐藏层 {layer}</translation>
    </message>
    <message>
        <source>{name} ({neurons})</source>
        <translation>{name} ({neurons})</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>正</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>负</translation>
    </message>
    <message>
        <source>width ∝ |w|, fill = bias</source>
        <translation>线宽 ∝ |w|，填充 = 偏置</translation>
    </message>
    <message>
        <source>widest line |w| = {scale}</source>
        <translation>最粗线 |w| = {scale}</translation>
    </message>
    <message>
        <source>The network appears here when training starts (Train or Step).</source>
        <translation>训练开始后（训练或单步），网络会显示在这里。</translation>
    </message>
    <message>
        <source>input x{index}</source>
        <translation>输入 x{index}</translation>
    </message>
    <message>
        <source>neuron {neuron} of layer {layer} (no bias)</source>
        <translation>第 {layer} 层的神经元 {neuron}（无偏置）</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>{name}: type a value, Enter to apply, Esc to cancel</source>
        <translation>{name}：输入数值，Enter 应用，Esc 取消</translation>
    </message>
    <message>
        <source>{name}: type a number such as 0 or -0.25</source>
        <translation>{name}：请输入一个数，例如 0 或 -0.25</translation>
    </message>
    <message>
        <source>{what} reach ±{reach}: too far out to draw (plots show values up to ±{limit}).</source>
        <translation>{what}达到 ±{reach}：太远，无法绘制（图中最多显示到 ±{limit}）。</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>identity</source>
        <translation>恒等</translation>
    </message>
    <message>
        <source>Sin fit</source>
        <translation>正弦拟合</translation>
    </message>
    <message>
        <source>8 points</source>
        <translation>8 个点</translation>
    </message>
    <message>
        <source>3×4 binary</source>
        <translation>3×4 二值</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>XOR</translation>
    </message>
    <message>
        <source>Circles</source>
        <translation>同心圆</translation>
    </message>
    <message>
        <source>Moons</source>
        <translation>双月</translation>
    </message>
    <message>
        <source>Gaussians</source>
        <translation>高斯簇</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>Classification (20-D)</source>
        <translation>分类（20 维）</translation>
    </message>
    <message>
        <source>uniform</source>
        <translation>均匀 U[0, 1)</translation>
    </message>
    <message>
        <source>weights and biases from U[0, 1), as in the textbook</source>
        <translation>权重和偏置取自 U[0, 1)，与教材相同</translation>
    </message>
    <message>
        <source>symmetric_uniform</source>
        <translation>对称均匀 U[−1, 1)</translation>
    </message>
    <message>
        <source>weights and biases from U[−1, 1)</source>
        <translation>权重和偏置取自 U[−1, 1)</translation>
    </message>
    <message>
        <source>xavier_uniform</source>
        <translation>Xavier 均匀</translation>
    </message>
    <message>
        <source>weights from U[−√(6/(n_in+n_out)), +√(6/(n_in+n_out))), biases 0</source>
        <translation>权重取自 U[−√(6/(n_in+n_out)), +√(6/(n_in+n_out)))，偏置为 0</translation>
    </message>
    <message>
        <source>he_normal</source>
        <translation>He 正态</translation>
    </message>
    <message>
        <source>weights from N(0, 2/n_in), biases 0</source>
        <translation>权重取自 N(0, 2/n_in)，偏置为 0</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>SGD + 动量</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>恒定</translation>
    </message>
    <message>
        <source>Step decay</source>
        <translation>阶梯衰减</translation>
    </message>
    <message>
        <source>Every (epochs)</source>
        <translation>间隔（轮）</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>因子</translation>
    </message>
    <message>
        <source>η = η0 · factor^floor((t − 1) / every)</source>
        <translation>η = η0 · 因子^⌊(t − 1) / 间隔⌋</translation>
    </message>
    <message>
        <source>Exponential</source>
        <translation>指数衰减</translation>
    </message>
    <message>
        <source>Gamma</source>
        <translation>γ</translation>
    </message>
    <message>
        <source>η = η0 · gamma^(t − 1)</source>
        <translation>η = η0 · γ^(t − 1)</translation>
    </message>
    <message>
        <source>1/t (inverse scaling)</source>
        <translation>1/t（反比缩放）</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>幂次</translation>
    </message>
    <message>
        <source>η = η0 / t^power_t (scikit-learn&apos;s invscaling, t counting epochs)</source>
        <translation>η = η0 / t^幂次（即 scikit-learn 的 invscaling，t 按轮计）</translation>
    </message>
    <message>
        <source>Cosine annealing</source>
        <translation>余弦退火</translation>
    </message>
    <message>
        <source>Period (epochs)</source>
        <translation>周期（轮）</translation>
    </message>
    <message>
        <source>Lowest factor</source>
        <translation>最小因子</translation>
    </message>
    <message>
        <source>η = η0 · (m + (1 − m)(1 + cos(π · min(t − 1, period) / period)) / 2)</source>
        <translation>η = η0 · (m + (1 − m)(1 + cos(π · min(t − 1, 周期) / 周期)) / 2)，m 为最小因子</translation>
    </message>
    <message>
        <source>Reduce on plateau</source>
        <translation>停滞时降低</translation>
    </message>
    <message>
        <source>Patience (epochs)</source>
        <translation>耐心轮数</translation>
    </message>
    <message>
        <source>Threshold (relative)</source>
        <translation>阈值（相对）</translation>
    </message>
    <message>
        <source>η = η0 · f; f times factor after patience epochs without the training loss falling below best · (1 − threshold), never below min_factor</source>
        <translation>η = η0 · f；训练损失连续“耐心轮数”轮未降到 最佳值 · (1 − 阈值) 以下时，f 乘以因子，但不低于最小因子</translation>
    </message>
    <message>
        <source>reached the epoch limit</source>
        <translation>达到轮数上限</translation>
    </message>
    <message>
        <source>reached the target training loss</source>
        <translation>达到目标训练损失</translation>
    </message>
    <message>
        <source>early stopping: the test loss stopped improving</source>
        <translation>提前停止：测试损失不再改善</translation>
    </message>
    <message>
        <source>reached the time limit</source>
        <translation>达到时间上限</translation>
    </message>
    <message>
        <source>Stopped at epoch {epoch}: {reason}</source>
        <translation>在第 {epoch} 轮停止：{reason}</translation>
    </message>
    <message>
        <source>; best test loss {loss} at epoch {epoch} (its weights restored)</source>
        <translation>；最佳测试损失 {loss} 在第 {epoch} 轮（已恢复该轮的权重）</translation>
    </message>
    <message>
        <source>; best test loss {loss} at epoch {epoch}</source>
        <translation>；最佳测试损失 {loss} 在第 {epoch} 轮</translation>
    </message>
    <message>
        <source>class {index}</source>
        <translation>类别 {index}</translation>
    </message>
    <message>
        <source>epoch mean</source>
        <translation>本轮平均</translation>
    </message>
    <message>
        <source>the mean over the epoch&apos;s mini-batches, each taken before its update</source>
        <translation>本轮各小批量损失的平均值，每个都在其更新之前计算</translation>
    </message>
    <message>
        <source>at the epoch&apos;s end</source>
        <translation>本轮结束时</translation>
    </message>
    <message>
        <source>the loss of the weights at the epoch&apos;s end</source>
        <translation>本轮结束时权重的损失</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>from {low} to {high}</source>
        <translation>从 {low} 到 {high}</translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation>{low} 到 {high}</translation>
    </message>
</context>
</TS>
