<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
