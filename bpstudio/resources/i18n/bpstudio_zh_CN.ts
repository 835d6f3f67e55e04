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
        <source>; </source>
        <translation>；</translation>
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
    <name>Language</name>
    <message>
        <source>Lang&amp;uage</source>
        <translation>语言(&amp;L)</translation>
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
</context>
<context>
    <name>Vocabulary</name>
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
</TS>
