<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
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
        <source>class {index}</source>
        <translation>类别 {index}</translation>
    </message>
</context>
</TS>
