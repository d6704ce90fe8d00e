<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Activation</name>
    <message>
        <source>sigmoid</source>
        <translation>시그모이드</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
</context>
<context>
    <name>ActivationsView</name>
    <message>
        <source>Draw a digit or pick a test image.</source>
        <translation>숫자를 그리거나 테스트 이미지를 고르세요.</translation>
    </message>
    <message>
        <source>Activations of each hidden layer for the current input, one cell per unit (left to right, top to bottom). Bright: strongly active. Click a cell to select its unit.</source>
        <translation>현재 입력에 대한 각 은닉층의 활성화 값입니다. 뉴런 하나가 칸 하나입니다(왼쪽에서 오른쪽, 위에서 아래 순). 밝을수록 강하게 활성화된 것입니다. 칸을 클릭하면 그 뉴런이 선택됩니다.</translation>
    </message>
    <message>
        <source>Output: probability of each digit</source>
        <translation>출력층: 숫자별 확률</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>확률</translation>
    </message>
    <message>
        <source>Output: probability of each class</source>
        <translation>출력층: 클래스별 확률</translation>
    </message>
    <message>
        <source>digit</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <source>&lt;b&gt;Activations&lt;/b&gt;&lt;p&gt;What each hidden layer computes for the current input: every unit&apos;s activation z = f(a), a = xW + b (x: the layer&apos;s input), one cell per unit, with f the activation function (sigmoid σ(a) = 1 / (1 + e&lt;sup&gt;−a&lt;/sup&gt;), tanh or ReLU). Below, the output layer&apos;s softmax: the probability y&lt;sub&gt;k&lt;/sub&gt; = e&lt;sup&gt;a&lt;sub&gt;k&lt;/sub&gt;&lt;/sup&gt; / Σ e&lt;sup&gt;a&lt;sub&gt;i&lt;/sub&gt;&lt;/sup&gt; of each digit; the highest is the answer.&lt;/p&gt;</source>
        <translation>&lt;b&gt;활성화 값&lt;/b&gt;&lt;p&gt;현재 입력에 대해 각 은닉층이 계산한 값입니다. 뉴런마다 활성화 값 z = f(a), a = xW + b(x는 그 층의 입력)를 한 칸에 표시하며, f는 활성화 함수(시그모이드 σ(a) = 1 / (1 + e&lt;sup&gt;−a&lt;/sup&gt;), tanh 또는 ReLU)입니다. 아래는 출력층의 소프트맥스로, 숫자마다 확률 y&lt;sub&gt;k&lt;/sub&gt; = e&lt;sup&gt;a&lt;sub&gt;k&lt;/sub&gt;&lt;/sup&gt; / Σ e&lt;sup&gt;a&lt;sub&gt;i&lt;/sub&gt;&lt;/sup&gt;를 보여 줍니다. 가장 높은 확률의 숫자가 네트워크의 답입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Activations&lt;/b&gt;&lt;p&gt;What each hidden layer computes for the current input: every unit&apos;s activation z = f(a), a = xW + b (x: the layer&apos;s input), one cell per unit, with f the activation function (sigmoid σ(a) = 1 / (1 + e&lt;sup&gt;−a&lt;/sup&gt;), tanh or ReLU). Below, the output layer&apos;s softmax: the probability y&lt;sub&gt;k&lt;/sub&gt; = e&lt;sup&gt;a&lt;sub&gt;k&lt;/sub&gt;&lt;/sup&gt; / Σ e&lt;sup&gt;a&lt;sub&gt;i&lt;/sub&gt;&lt;/sup&gt; of each class; the highest is the answer.&lt;/p&gt;</source>
        <translation>&lt;b&gt;활성화 값&lt;/b&gt;&lt;p&gt;현재 입력에 대해 각 은닉층이 계산한 값입니다. 뉴런마다 활성화 값 z = f(a), a = xW + b(x는 그 층의 입력)를 한 칸에 표시하며, f는 활성화 함수(시그모이드 σ(a) = 1 / (1 + e&lt;sup&gt;−a&lt;/sup&gt;), tanh 또는 ReLU)입니다. 아래는 출력층의 소프트맥스로, 클래스마다 확률 y&lt;sub&gt;k&lt;/sub&gt; = e&lt;sup&gt;a&lt;sub&gt;k&lt;/sub&gt;&lt;/sup&gt; / Σ e&lt;sup&gt;a&lt;sub&gt;i&lt;/sub&gt;&lt;/sup&gt;를 보여 줍니다. 가장 높은 확률의 클래스가 네트워크의 답입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Draw on the pad or pick a test image.</source>
        <translation>그림판에 그리거나 테스트 이미지를 고르세요.</translation>
    </message>
    <message>
        <source>hidden %1: %2 units, %3</source>
        <translation>은닉층 %1: 뉴런 %2개, %3</translation>
    </message>
    <message>
        <source>no hidden layers: the inputs go straight to the softmax</source>
        <translation>은닉층 없음: 입력이 곧바로 소프트맥스로 들어갑니다</translation>
    </message>
    <message>
        <source>%1: the network cannot read it: its outputs are not numbers (it has diverged)</source>
        <translation>%1: 네트워크가 읽을 수 없습니다. 출력이 수가 아닙니다(발산함)</translation>
    </message>
    <message>
        <source>%1: the network reads &lt;b&gt;%2&lt;/b&gt; (%3%)</source>
        <translation>%1: 네트워크의 답은 &lt;b&gt;%2&lt;/b&gt; (%3%)</translation>
    </message>
    <message>
        <source>unlike the training images</source>
        <translation>학습 이미지와 닮지 않음</translation>
    </message>
    <message>
        <source>low top probability</source>
        <translation>가장 높은 확률도 낮음</translation>
    </message>
    <message>
        <source> — &lt;b&gt;not sure&lt;/b&gt; (%1)</source>
        <translation> — &lt;b&gt;확신 없음&lt;/b&gt; (%1)</translation>
    </message>
</context>
<context>
    <name>AttributionView</name>
    <message>
        <source>gradient × input</source>
        <translation>기울기 × 입력</translation>
    </message>
    <message>
        <source>integrated gradients (32 steps)</source>
        <translation>적분 기울기 (32단계)</translation>
    </message>
    <message>
        <source>explain:</source>
        <translation>설명:</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>Draw on the pad or pick a test image.</source>
        <translation>그림판에 그리거나 테스트 이미지를 고르세요.</translation>
    </message>
    <message>
        <source>Explain whatever digit the network reads</source>
        <translation>네트워크가 읽은 숫자를 설명합니다</translation>
    </message>
    <message>
        <source>gradient × input: how much each pixel&apos;s ink moves log p, to first order. Integrated gradients: the same, averaged along the way from a blank image to this one; the map then adds up to the change of log p along that way.</source>
        <translation>기울기 × 입력: 각 픽셀의 잉크가 log p를 (1차 근사로) 얼마나 움직이는지 보여 줍니다. 적분 기울기: 같은 값을 빈 이미지에서 이 이미지까지 가는 경로를 따라 평균한 것으로, 맵의 합이 그 경로에서 log p가 변한 양과 같아집니다.</translation>
    </message>
    <message>
        <source>The input the network sees (white ink), with the pixels that raise the digit&apos;s log-probability in red and those that lower it in blue.</source>
        <translation>네트워크가 보는 입력(흰 잉크)입니다. 그 숫자의 로그 확률을 높이는 픽셀은 빨간색, 낮추는 픽셀은 파란색입니다.</translation>
    </message>
    <message>
        <source>The attribution map alone: red raises, blue lowers, white: no effect.</source>
        <translation>기여도 맵만 따로: 빨간색은 높이고, 파란색은 낮추며, 흰색은 영향이 없습니다.</translation>
    </message>
    <message>
        <source>Draw a digit or pick a test image.</source>
        <translation>숫자를 그리거나 테스트 이미지를 고르세요.</translation>
    </message>
    <message>
        <source>Explain whatever class the network reads</source>
        <translation>네트워크가 읽은 클래스를 설명합니다</translation>
    </message>
    <message>
        <source>The input the network sees (white ink), with the pixels that raise the class&apos;s log-probability in red and those that lower it in blue.</source>
        <translation>네트워크가 보는 입력(흰 잉크)입니다. 그 클래스의 로그 확률을 높이는 픽셀은 빨간색, 낮추는 픽셀은 파란색입니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Attribution: which pixels made this answer&lt;/b&gt;&lt;p&gt;Backpropagation carries the gradient ∂ log p/∂x back to the input pixels; gradient × input, x · ∂ log p/∂x, says how much each pixel&apos;s ink raised (red) or lowered (blue) the log-probability of the chosen digit. Pick a digit to ask &quot;why not 7?&quot;.&lt;/p&gt;</source>
        <translation>&lt;b&gt;기여도: 어떤 픽셀이 이 답을 만들었나&lt;/b&gt;&lt;p&gt;역전파로 기울기 ∂ log p/∂x를 입력 픽셀까지 거슬러 보냅니다. 기울기 × 입력, 즉 x · ∂ log p/∂x는 각 픽셀의 잉크가 고른 숫자의 로그 확률을 얼마나 높였는지(빨간색) 또는 낮췄는지(파란색) 알려 줍니다. 숫자를 골라 &quot;왜 7이 아니지?&quot;라고 물어보세요.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Attribution: which pixels made this answer&lt;/b&gt;&lt;p&gt;Backpropagation carries the gradient ∂ log p/∂x back to the input pixels; gradient × input, x · ∂ log p/∂x, says how much each pixel&apos;s ink raised (red) or lowered (blue) the log-probability of the chosen class. Pick a class to ask &quot;why not 7?&quot;.&lt;/p&gt;</source>
        <translation>&lt;b&gt;기여도: 어떤 픽셀이 이 답을 만들었나&lt;/b&gt;&lt;p&gt;역전파로 기울기 ∂ log p/∂x를 입력 픽셀까지 거슬러 보냅니다. 기울기 × 입력, 즉 x · ∂ log p/∂x는 각 픽셀의 잉크가 고른 클래스의 로그 확률을 얼마나 높였는지(빨간색) 또는 낮췄는지(파란색) 알려 줍니다. 클래스를 골라 &quot;왜 7이 아니지?&quot;라고 물어보세요.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Train or open a model first.</source>
        <translation>먼저 학습하거나 모델을 여세요.</translation>
    </message>
    <message>
        <source>Why %1?</source>
        <translation>왜 %1일까?</translation>
    </message>
    <message>
        <source>Why not %1? (the network reads %2)</source>
        <translation>왜 %1이 아닐까? (네트워크의 답은 %2)</translation>
    </message>
    <message>
        <source>integrated gradients from a blank image</source>
        <translation>빈 이미지에서 시작한 적분 기울기</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; Red pixels raise log p(%2), blue ones lower it: the map is %3. p(%2) = %4; the map adds up to %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 빨간 픽셀은 log p(%2)를 높이고 파란 픽셀은 낮춥니다. 기여도 맵: %3. p(%2) = %4, 맵의 합은 %5</translation>
    </message>
    <message>
        <source> (log p(%1) here minus on a blank image: %2)</source>
        <translation> (여기의 log p(%1)에서 빈 이미지의 값을 뺀 값: %2)</translation>
    </message>
</context>
<context>
    <name>BackpropView</name>
    <message>
        <source>&lt;b&gt;x: the input&lt;/b&gt;&lt;p&gt;The example&apos;s pixels scaled to 0–1 and laid out as one row: a batch of N = 1 example. Everything after it is computed from x and the network&apos;s weights.&lt;/p&gt;</source>
        <translation>&lt;b&gt;x: 입력&lt;/b&gt;&lt;p&gt;예제의 픽셀 값을 0–1 범위로 바꿔 한 행으로 늘어놓은 것으로, 예제 N = 1개짜리 배치입니다. 이후의 모든 값은 x와 네트워크의 가중치로 계산됩니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;a: the pre-activation&lt;/b&gt;&lt;p&gt;Each unit adds up what comes from the layer below, every input times its weight, plus its bias: a = z·W + b (x in the first layer). Point at an entry to see its largest terms.&lt;/p&gt;</source>
        <translation>&lt;b&gt;a: 사전 활성화 값&lt;/b&gt;&lt;p&gt;뉴런마다 아래 층에서 오는 값, 즉 입력 하나하나에 그 가중치를 곱한 것을 모두 더하고 편향을 더합니다: a = z·W + b (첫 층에서는 z 대신 x). 원소에 마우스를 올리면 가장 큰 항들이 보입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;z: the activation&lt;/b&gt;&lt;p&gt;The activation function applied to each unit&apos;s pre-activation on its own. z is what the next layer receives, and what its weights&apos; gradients will be multiplied by on the way back.&lt;/p&gt;</source>
        <translation>&lt;b&gt;z: 활성화 값&lt;/b&gt;&lt;p&gt;각 뉴런의 사전 활성화 값에 활성화 함수를 하나씩 따로 적용한 값입니다. z는 다음 층이 받는 값이며, 역전파에서 그 층 가중치의 기울기를 구할 때 곱해지는 값이기도 합니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;y: softmax&lt;/b&gt;&lt;p&gt;The output layer&apos;s pre-activations turned into probabilities: exp(a − C) / Σ exp(a − C), where subtracting C = max(a) keeps exp from overflowing and changes nothing else. They are positive and add up to 1.&lt;/p&gt;</source>
        <translation>&lt;b&gt;y: 소프트맥스&lt;/b&gt;&lt;p&gt;출력층의 사전 활성화 값을 확률로 바꾼 것입니다: exp(a − C) / Σ exp(a − C). 여기서 C = max(a)를 빼면 exp가 넘치지 않으며, 그 밖에는 아무것도 바뀌지 않습니다. 확률은 모두 양수이고 합이 1입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;E: the loss&lt;/b&gt;&lt;p&gt;One number for how wrong the network is on this example: with cross-entropy −log of the probability given to the label t, with the squared error half the squared distance between y and t. Training lowers it.&lt;/p&gt;</source>
        <translation>&lt;b&gt;E: 손실&lt;/b&gt;&lt;p&gt;네트워크가 이 예제에서 얼마나 틀렸는지를 나타내는 수 하나입니다. 교차 엔트로피에서는 정답 t에 준 확률의 −log이고, 제곱 오차에서는 y와 t 사이 거리의 제곱의 절반입니다. 학습은 이 값을 줄여 나갑니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;∂E/∂y&lt;/b&gt;&lt;p&gt;With the squared error, the loss&apos;s gradient with respect to the probabilities: (y − t)/N. To reach the output layer&apos;s pre-activation it must still pass back through softmax, by its Jacobian J.&lt;/p&gt;</source>
        <translation>&lt;b&gt;∂E/∂y&lt;/b&gt;&lt;p&gt;제곱 오차에서 확률에 대한 손실의 기울기입니다: (y − t)/N. 출력층의 사전 활성화 값까지 가려면 소프트맥스의 야코비 행렬 J를 거쳐 한 번 더 거슬러 가야 합니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;J: softmax&apos;s Jacobian&lt;/b&gt;&lt;p&gt;How each probability y_j moves when a pre-activation a_i moves: y_i(δ_ij − y_j). Cross-entropy never needs it, as its gradient simplifies to y − t; the squared error does.&lt;/p&gt;</source>
        <translation>&lt;b&gt;J: 소프트맥스의 야코비 행렬&lt;/b&gt;&lt;p&gt;사전 활성화 값 a_i가 움직일 때 각 확률 y_j가 얼마나 움직이는지 나타냅니다: y_i(δ_ij − y_j). 교차 엔트로피는 기울기가 y − t로 간단해지므로 이것이 필요 없지만, 제곱 오차에는 필요합니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;dy: the gradient at the output&lt;/b&gt;&lt;p&gt;∂E/∂a at the output layer, where backpropagation starts. With softmax and cross-entropy it is simply (y − t)/N: positive where the network gives too much probability, negative at the label.&lt;/p&gt;</source>
        <translation>&lt;b&gt;dy: 출력층의 기울기&lt;/b&gt;&lt;p&gt;역전파가 시작되는 출력층에서의 ∂E/∂a입니다. 소프트맥스와 교차 엔트로피라면 간단히 (y − t)/N입니다: 네트워크가 확률을 너무 많이 준 곳에서는 양수, 정답에서는 음수입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;dW: the weights&apos; gradient&lt;/b&gt;&lt;p&gt;How the loss changes with each weight: the input that weight multiplied on the way forward times the gradient that arrived at its unit on the way back, dW = zᵀ·δ. A weight whose input was 0 gets no gradient.&lt;/p&gt;</source>
        <translation>&lt;b&gt;dW: 가중치의 기울기&lt;/b&gt;&lt;p&gt;가중치 하나하나에 따라 손실이 어떻게 바뀌는지 나타냅니다: 순전파 때 그 가중치와 곱해진 입력에 역전파 때 그 뉴런에 도착한 기울기를 곱한 값, dW = zᵀ·δ입니다. 입력이 0이었던 가중치는 기울기를 받지 못합니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;db: the bias gradient&lt;/b&gt;&lt;p&gt;A bias is added once to its unit, so its gradient is the gradient at the unit&apos;s pre-activation, summed over the N examples.&lt;/p&gt;</source>
        <translation>&lt;b&gt;db: 편향의 기울기&lt;/b&gt;&lt;p&gt;편향은 뉴런에 한 번 더해지므로, 그 기울기는 뉴런의 사전 활성화 값에서의 기울기를 예제 N개에 걸쳐 더한 것입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;m: the dropout mask&lt;/b&gt;&lt;p&gt;The step this mini-batch image was learned in switched some hidden units off at random: m is 0 for a dropped unit and 1 / (1 − rate) for a kept one, so the layer above receives z ⊙ m, as large on average as z. A dropped unit passed nothing up, so no gradient comes back to it (dz ⊙ m).&lt;/p&gt;</source>
        <translation>&lt;b&gt;m: 드롭아웃 마스크&lt;/b&gt;&lt;p&gt;이 미니배치 이미지를 학습한 스텝은 은닉층의 뉴런 몇 개를 무작위로 껐습니다: 꺼진 뉴런의 m은 0이고 남은 뉴런의 m은 1 / (1 − 비율)이라서, 위층은 평균적으로 z와 크기가 같은 z ⊙ m을 받습니다. 꺼진 뉴런은 위로 아무것도 보내지 않았으므로 되돌아오는 기울기도 없습니다 (dz ⊙ m).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;dz: the gradient at a hidden layer&apos;s output&lt;/b&gt;&lt;p&gt;Each unit sent its activation to every unit above through a weight; the gradient comes back along the same weights, dz = δ·Wᵀ: a sum over the units above. Point at an entry to see its largest terms.&lt;/p&gt;</source>
        <translation>&lt;b&gt;dz: 은닉층 출력에서의 기울기&lt;/b&gt;&lt;p&gt;각 뉴런은 자기 활성화 값을 가중치를 거쳐 위층의 모든 뉴런에 보냈습니다. 기울기는 같은 가중치를 따라 되돌아옵니다: dz = δ·Wᵀ, 즉 위층 뉴런들에 대한 합입니다. 원소에 마우스를 올리면 가장 큰 항들이 보입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;da: the gradient at a hidden layer&apos;s input&lt;/b&gt;&lt;p&gt;The chain rule: the gradient at the unit&apos;s output times the activation&apos;s slope at its input, σ′(a) ⊙ dz, unit by unit. Where σ′ is near 0 (a saturated sigmoid, a ReLU below 0) the unit passes almost nothing back.&lt;/p&gt;</source>
        <translation>&lt;b&gt;da: 은닉층 입력에서의 기울기&lt;/b&gt;&lt;p&gt;연쇄 법칙: 뉴런 출력에서의 기울기에 입력 지점에서의 활성화 함수의 기울기를 뉴런마다 곱합니다, σ′(a) ⊙ dz. σ′가 0에 가까운 곳(포화된 시그모이드, 0 아래의 ReLU)에서는 뉴런이 거의 아무것도 되돌려 보내지 못합니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;dx: the input&apos;s gradient&lt;/b&gt;&lt;p&gt;Training does not need it, as pixels are not learned, but it shows which pixels would change the loss most: the same rule as dz, one layer further down.&lt;/p&gt;</source>
        <translation>&lt;b&gt;dx: 입력의 기울기&lt;/b&gt;&lt;p&gt;픽셀은 학습하는 값이 아니므로 학습에는 필요 없지만, 어떤 픽셀이 손실을 가장 크게 바꿀지 보여 줍니다: dz와 같은 규칙을 한 층 더 아래에 적용한 것입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;The weights&apos; update&lt;/b&gt;&lt;p&gt;Gradient descent: every weight takes a small step against its gradient, W ← W − η·dW, η being the learning rate. Shown: the amount subtracted, η·dW. Apply it below to see what it does to this example.&lt;/p&gt;</source>
        <translation>&lt;b&gt;가중치의 갱신&lt;/b&gt;&lt;p&gt;경사 하강법: 모든 가중치를 기울기의 반대 방향으로 조금씩 옮깁니다, W ← W − η·dW (η는 학습률). 표시된 값은 빼는 양 η·dW입니다. 아래에서 적용해 보면 이 예제에 어떤 영향을 주는지 볼 수 있습니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;The biases&apos; update&lt;/b&gt;&lt;p&gt;The same step for the biases: b ← b − η·db. Shown: the amount subtracted, η·db.&lt;/p&gt;</source>
        <translation>&lt;b&gt;편향의 갱신&lt;/b&gt;&lt;p&gt;편향도 같은 방식으로 갱신합니다: b ← b − η·db. 표시된 값은 빼는 양 η·db입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;The mistake:&lt;/b&gt; W1 − η·W1 subtracts the weights themselves instead of their gradient, so every weight of the first layer shrinks by the factor 1 − η whatever the example, and nothing is learned. Beside it: what the right update η·dW1 subtracts. Apply it and the weights&apos; size falls by η·100%.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;실수:&lt;/b&gt; W1 − η·W1은 기울기 대신 가중치 자체를 빼므로, 첫 층의 모든 가중치가 예제와 상관없이 1 − η배로 줄어들 뿐 아무것도 학습하지 못합니다. 옆에는 올바른 갱신이 빼는 양 η·dW1을 함께 보여 줍니다. 적용하면 가중치의 크기가 η·100%만큼 줄어듭니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;The mistake:&lt;/b&gt; db1 summed from dz1, the gradient at the layer&apos;s output, skips the activation&apos;s slope σ′(a1). A gradient check finds it. Beside it (grey): the right db1 = Σ da1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;실수:&lt;/b&gt; 층 출력에서의 기울기인 dz1에서 합해 구한 db1은 활성화 함수의 기울기 σ′(a1)을 건너뜁니다. 기울기 검사로 찾아낼 수 있습니다. 옆(회색)에는 올바른 db1 = Σ da1을 보여 줍니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Backpropagation, card by card&lt;/b&gt;&lt;p&gt;One example goes forward through the network (a = z·W + b, z = σ(a), y = softmax(a), the loss E), then back (dy = (y − t)/N, dW = zᵀ·δ, db, dz = δ·Wᵀ, da = σ′(a) ⊙ dz, down to dW1 = xᵀ·da1), and then every parameter takes its step W ← W − η·dW. Each card shows its formula, the NumPy line that computes it, its shape and its values; point at a number to see the numbers it came from, and check any gradient against a numerical one.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Keys&lt;/b&gt; (with the view clicked): Down/Up, J/K or Page Down/Page Up for the next and previous card, Home/End for the first and last, P to play or pause. Space and Right still start and step training.&lt;/p&gt;&lt;p&gt;&lt;b&gt;The numbers hold still.&lt;/b&gt; The cards are computed again when the example, its label, η or the mistake changes, and for a new network only while training is paused, so that a single step (Right) shows its new weights at once; while training runs, with &lt;i&gt;Hold this network&lt;/i&gt; ticked, or after an update applied here, they keep the network they have until you press &lt;i&gt;Take the latest&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Apply update&lt;/b&gt; tries the update on a float64 copy, for this example or the last mini-batch: training&apos;s own network never changes here. The cards then show the network after it; Undo goes back. Changing the example, the label, η or the mistake goes back to the network followed.&lt;/p&gt;&lt;p&gt;&lt;b&gt;The mistakes&lt;/b&gt; are the course notebook&apos;s two: W1 − η·W1, which shrinks the weights instead of learning, and db1 summed from dz1, which a gradient check catches.&lt;/p&gt;</source>
        <translation>&lt;b&gt;역전파, 카드 한 장씩&lt;/b&gt;&lt;p&gt;예제 하나가 네트워크를 앞으로 지나간 뒤(a = z·W + b, z = σ(a), y = softmax(a), 손실 E) 거꾸로 돌아오고(dy = (y − t)/N, dW = zᵀ·δ, db, dz = δ·Wᵀ, da = σ′(a) ⊙ dz, 그리고 dW1 = xᵀ·da1까지), 마지막으로 모든 매개변수가 W ← W − η·dW로 한 스텝 갱신됩니다. 카드마다 수식, 그 값을 계산하는 NumPy 코드 한 줄, 모양과 값을 보여 줍니다. 숫자에 마우스를 올리면 그 숫자가 어떤 숫자들에서 나왔는지 보이고, 어떤 기울기든 수치로 구한 기울기와 비교해 검사할 수 있습니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;단축키&lt;/b&gt; (화면을 클릭한 뒤): 아래/위 화살표, J/K 또는 Page Down/Page Up은 다음/이전 카드, Home/End는 첫 카드/마지막 카드, P는 재생 또는 일시 정지입니다. Space와 오른쪽 화살표는 여기서도 학습 시작과 한 스텝 학습입니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;숫자는 멈춰 있습니다.&lt;/b&gt; 카드는 예제, 그 정답, η 또는 실수가 바뀌면 다시 계산되고, 새 네트워크에 대해서는 학습이 일시 정지된 동안에만 다시 계산됩니다. 그래서 한 스텝(오른쪽 화살표)을 학습하면 새 가중치가 바로 보입니다. 학습이 진행 중일 때, &lt;i&gt;이 네트워크 고정&lt;/i&gt;을 체크했을 때, 또는 여기서 갱신을 적용한 뒤에는 &lt;i&gt;최신 네트워크 가져오기&lt;/i&gt;를 누를 때까지 지금의 네트워크를 유지합니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;갱신 적용&lt;/b&gt;은 이 예제 또는 마지막 미니배치에 대한 갱신을 float64 복사본에 시험해 봅니다: 학습 중인 네트워크 자체는 여기서 절대 바뀌지 않습니다. 그러면 카드는 갱신 후의 네트워크를 보여 주며, 되돌리기로 돌아갈 수 있습니다. 예제, 정답, η 또는 실수를 바꾸면 따라가던 네트워크로 돌아갑니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;실수&lt;/b&gt;는 강의 노트북의 두 가지입니다: 학습하는 대신 가중치를 줄여 버리는 W1 − η·W1, 그리고 기울기 검사로 잡아낼 수 있는, dz1에서 합해 구한 db1.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Point at a number to see the numbers it was computed from.&lt;/p&gt;</source>
        <translation>&lt;p&gt;숫자에 마우스를 올리면 그 숫자를 계산하는 데 쓰인 숫자들이 보입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>forward pass</source>
        <translation>순전파</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>backward pass</source>
        <translation>역전파</translation>
    </message>
    <message>
        <source>update</source>
        <translation>갱신</translation>
    </message>
    <message>
        <source>no mistake</source>
        <translation>실수 없음</translation>
    </message>
    <message>
        <source>the current input</source>
        <translation>현재 입력</translation>
    </message>
    <message>
        <source>a mini-batch image</source>
        <translation>미니배치 이미지</translation>
    </message>
    <message>
        <source>The image drawn or picked on the right, or one image of the mini-batch the trainer learned from last (slow motion or single steps)</source>
        <translation>오른쪽에서 그리거나 고른 이미지, 또는 마지막으로 학습한 미니배치의 이미지 하나 (느린 속도나 한 스텝씩 학습할 때)</translation>
    </message>
    <message>
        <source>Which image of the mini-batch</source>
        <translation>미니배치 중 어느 이미지인지</translation>
    </message>
    <message>
        <source>The label t the loss compares y with: the image&apos;s own, or any other to see what the gradients would be then</source>
        <translation>손실에서 y와 비교하는 정답 t: 이미지 자신의 정답, 또는 기울기가 어떻게 달라지는지 보려면 다른 정답</translation>
    </message>
    <message>
        <source>The learning rate η of the update cards (the run&apos;s, to begin with)</source>
        <translation>갱신 카드에 쓰는 학습률 η (처음에는 이 실행의 학습률)</translation>
    </message>
    <message>
        <source>Make one of the course notebook&apos;s two update mistakes: W1 − η·W1 instead of W1 − η·dW1, or db1 summed from dz1 instead of da1</source>
        <translation>강의 노트북의 두 가지 갱신 실수 중 하나를 재현합니다: W1 − η·dW1 대신 W1 − η·W1, 또는 da1 대신 dz1에서 합해 구한 db1</translation>
    </message>
    <message>
        <source>Hold this network</source>
        <translation>이 네트워크 고정</translation>
    </message>
    <message>
        <source>Keep these numbers while training goes on; untick to follow the network again</source>
        <translation>학습이 계속되는 동안 이 숫자들을 그대로 둡니다. 체크를 풀면 다시 네트워크를 따라갑니다</translation>
    </message>
    <message>
        <source>Take the latest</source>
        <translation>최신 네트워크 가져오기</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Draw on the pad or pick a test image to follow it through the network.</source>
        <translation>그림판에 그리거나 테스트 이미지를 고르면 네트워크를 지나가는 과정을 따라가 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>%1, a copy after %2 update(s) applied here</source>
        <translation>%1, 여기서 갱신을 %2번 적용한 복사본</translation>
    </message>
    <message>
        <source>With the mistake, W1 shrinks instead of following its gradient.</source>
        <translation>실수가 있으면 W1은 기울기를 따르지 않고 줄어들기만 합니다.</translation>
    </message>
    <message>
        <source>Look at dy again: its entry for %1 is negative, and the update moves every weight against its gradient.</source>
        <translation>dy를 다시 보세요: %1에 해당하는 원소는 음수이고, 갱신은 모든 가중치를 기울기의 반대 방향으로 옮깁니다.</translation>
    </message>
    <message>
        <source>A newer network is waiting: compute the cards for it</source>
        <translation>더 새로운 네트워크가 기다리고 있습니다: 그 네트워크로 카드를 계산합니다</translation>
    </message>
    <message>
        <source>image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>The computation, card by card: Down/Up (or J/K) step through it</source>
        <translation>카드 한 장씩 보는 계산 과정: 아래/위 화살표(또는 J/K)로 넘깁니다</translation>
    </message>
    <message>
        <source>The previous card (Up, K or Page Up)</source>
        <translation>이전 카드 (위 화살표, K 또는 Page Up)</translation>
    </message>
    <message>
        <source>Go through the cards at the pace chosen; again to pause (P)</source>
        <translation>고른 속도로 카드를 차례로 넘깁니다. 다시 누르면 일시 정지 (P)</translation>
    </message>
    <message>
        <source>The next card (Down, J or Page Down)</source>
        <translation>다음 카드 (아래 화살표, J 또는 Page Down)</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>Seconds a card while playing</source>
        <translation>재생할 때 카드 한 장에 머무는 시간(초)</translation>
    </message>
    <message>
        <source>show all</source>
        <translation>모두 보기</translation>
    </message>
    <message>
        <source>Draw every unit of a wide layer, in their order, instead of the largest first</source>
        <translation>넓은 층의 모든 뉴런을 큰 것부터가 아니라 원래 순서대로 그립니다</translation>
    </message>
    <message>
        <source>mini-batch image %1 of %2 (training image %3, label %4)</source>
        <translation>미니배치 이미지 %2장 중 %1번째 (학습 이미지 %3, 정답 %4)</translation>
    </message>
    <message>
        <source>Train or open a model to follow an example through it.</source>
        <translation>학습하거나 모델을 열면 예제 하나가 네트워크를 지나가는 과정을 따라가 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Draw a digit or pick a test image to follow it through the network.</source>
        <translation>숫자를 그리거나 테스트 이미지를 고르면 네트워크를 지나가는 과정을 따라가 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 at step %2</source>
        <translation>스텝 %2의 %1</translation>
    </message>
    <message>
        <source>held</source>
        <translation>고정됨</translation>
    </message>
    <message>
        <source>held while training runs</source>
        <translation>학습 중이라 고정됨</translation>
    </message>
    <message>
        <source> (%1: a newer network is waiting)</source>
        <translation> (%1: 더 새로운 네트워크가 기다리고 있음)</translation>
    </message>
    <message>
        <source>Will p(%1) go up or down, and by about how much?</source>
        <translation>p(%1) 값이 올라갈까요, 내려갈까요? 대략 얼마나 변할까요?</translation>
    </message>
    <message>
        <source>points</source>
        <translation>%p</translation>
    </message>
</context>
<context>
    <name>CardDetail</name>
    <message>
        <source>The network: the units and weights the current card computes with are lit (units coloured by the card&apos;s values, red and blue edges: its largest terms)</source>
        <translation>네트워크: 현재 카드가 계산에 쓰는 뉴런과 가중치가 밝게 표시됩니다 (뉴런은 카드의 값에 따라 색칠되고, 빨간색과 파란색 선은 그 계산에서 가장 큰 항입니다)</translation>
    </message>
    <message>
        <source>The line of NumPy that computes it, as in the course&apos;s code</source>
        <translation>이 값을 계산하는 NumPy 한 줄 (강의 코드 그대로)</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>기울기 검사</translation>
    </message>
    <message>
        <source>Move entries of this array by ±1e-6 in float64, compute E again and compare the slope with the backpropagated gradient</source>
        <translation>이 배열의 원소를 float64로 ±1e-6만큼 움직여 E를 다시 계산하고, 그렇게 얻은 수치 기울기를 역전파로 구한 기울기와 비교합니다</translation>
    </message>
    <message>
        <source>%1 · shape %2</source>
        <translation>%1 · 모양 %2</translation>
    </message>
    <message>
        <source>%1 · a number</source>
        <translation>%1 · 수 하나</translation>
    </message>
    <message>
        <source>coloured: with the mistake, grey: the right values</source>
        <translation>색: 실수가 들어간 값, 회색: 올바른 값</translation>
    </message>
    <message>
        <source>no finite value: the network has diverged</source>
        <translation>유한한 값이 없습니다: 네트워크가 발산했습니다</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>%1 ~ %2</translation>
    </message>
    <message>
        <source>W1[%1] = %2: the weight from pixel %3 into unit %4</source>
        <translation>W1[%1] = %2: 픽셀 %3에서 %4번 뉴런으로 가는 가중치</translation>
    </message>
    <message>
        <source>the right %1[%2] = %3 (without the mistake)</source>
        <translation>올바른 %1[%2] = %3 (실수가 없을 때)</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#1b6e1b&apos;&gt;gradient check: relative error %1 ≤ 1e-6, right&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#1b6e1b&apos;&gt;기울기 검사: 상대 오차 %1 ≤ 1e-6, 맞음&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c0151a&apos;&gt;&lt;b&gt;gradient check: relative error %1 &amp;gt; 1e-6, wrong&lt;/b&gt;&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c0151a&apos;&gt;&lt;b&gt;기울기 검사: 상대 오차 %1 &amp;gt; 1e-6, 틀림&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>CheckCode</name>
    <message>
        <source>correct</source>
        <translation>맞음</translation>
    </message>
    <message>
        <source>wrong values</source>
        <translation>값이 틀림</translation>
    </message>
    <message>
        <source>wrong shape</source>
        <translation>모양이 틀림</translation>
    </message>
    <message>
        <source>NaN or infinity</source>
        <translation>NaN 또는 무한대</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>not an array of numbers</source>
        <translation>숫자 배열이 아님</translation>
    </message>
    <message>
        <source>wrong return value</source>
        <translation>잘못된 반환값</translation>
    </message>
    <message>
        <source>error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>time limit</source>
        <translation>시간 초과</translation>
    </message>
    <message>
        <source>process ended</source>
        <translation>프로세스 종료</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>실행 안 됨</translation>
    </message>
    <message>
        <source>transposed</source>
        <translation>전치됨</translation>
    </message>
    <message>
        <source>missing /N</source>
        <translation>/N 빠짐</translation>
    </message>
    <message>
        <source>σ(a) instead of σ(a)(1 − σ(a))</source>
        <translation>σ(a)(1 − σ(a)) 대신 σ(a)</translation>
    </message>
    <message>
        <source>σ&apos; taken at z1</source>
        <translation>z1에서 구한 σ&apos;</translation>
    </message>
    <message>
        <source>σ&apos; left out</source>
        <translation>σ&apos; 빠짐</translation>
    </message>
    <message>
        <source>summed over the wrong axis</source>
        <translation>잘못된 축으로 합함</translation>
    </message>
    <message>
        <source>summed from dz1</source>
        <translation>dz1로 합함</translation>
    </message>
    <message>
        <source>%1 instead of d%1</source>
        <translation>d%1 대신 %1</translation>
    </message>
    <message>
        <source>gradient added</source>
        <translation>기울기를 더함</translation>
    </message>
    <message>
        <source>not updated</source>
        <translation>갱신 안 됨</translation>
    </message>
    <message>
        <source>bias left out</source>
        <translation>편향 빠짐</translation>
    </message>
    <message>
        <source>sigmoid left out</source>
        <translation>시그모이드 빠짐</translation>
    </message>
    <message>
        <source>softmax left out</source>
        <translation>소프트맥스 빠짐</translation>
    </message>
    <message>
        <source>differs from the engine</source>
        <translation>mlpviz와 다름</translation>
    </message>
    <message>
        <source>a1 = X · W1 + b1, shape (N, H): np.dot(X, W1) + b1.</source>
        <translation>a1 = X · W1 + b1, 모양 (N, H): np.dot(X, W1) + b1.</translation>
    </message>
    <message>
        <source>z1 = sigmoid(a1), element by element, shape (N, H).</source>
        <translation>z1 = sigmoid(a1), 원소별 계산, 모양 (N, H).</translation>
    </message>
    <message>
        <source>a2 = z1 · W2 + b2, shape (N, K): np.dot(z1, W2) + b2.</source>
        <translation>a2 = z1 · W2 + b2, 모양 (N, K): np.dot(z1, W2) + b2.</translation>
    </message>
    <message>
        <source>y = softmax(a2): each row&apos;s exponentials divided by their sum, so that every row adds up to 1.</source>
        <translation>y = softmax(a2): 행마다 지수값을 그 합으로 나누어 모든 행의 합이 1이 되게 합니다.</translation>
    </message>
    <message>
        <source>dy = (y − t) / N, the gradient of the batch&apos;s mean cross-entropy at a2.</source>
        <translation>dy = (y − t) / N: 배치 평균 교차 엔트로피의 a2에 대한 기울기입니다.</translation>
    </message>
    <message>
        <source>dW2 = z1ᵀ · dy, shape (H, K): np.dot(z1.T, dy).</source>
        <translation>dW2 = z1ᵀ · dy, 모양 (H, K): np.dot(z1.T, dy).</translation>
    </message>
    <message>
        <source>db2 = np.sum(dy, axis=0), shape (K,): one sum over the examples per output unit.</source>
        <translation>db2 = np.sum(dy, axis=0), 모양 (K,): 출력층 뉴런마다 예제들에 대해 합한 값 하나입니다.</translation>
    </message>
    <message>
        <source>dz1 = dy · W2ᵀ, shape (N, H): np.dot(dy, W2.T).</source>
        <translation>dz1 = dy · W2ᵀ, 모양 (N, H): np.dot(dy, W2.T).</translation>
    </message>
    <message>
        <source>da1 = sigmoid_grad(a1) * dz1, element by element, where sigmoid_grad(a) = σ(a)(1 − σ(a)).</source>
        <translation>da1 = sigmoid_grad(a1) * dz1, 원소별로 계산하며 sigmoid_grad(a) = σ(a)(1 − σ(a))입니다.</translation>
    </message>
    <message>
        <source>dW1 = Xᵀ · da1, shape (D, H): np.dot(X.T, da1).</source>
        <translation>dW1 = Xᵀ · da1, 모양 (D, H): np.dot(X.T, da1).</translation>
    </message>
    <message>
        <source>db1 = np.sum(da1, axis=0), shape (H,).</source>
        <translation>db1 = np.sum(da1, axis=0), 모양 (H,).</translation>
    </message>
    <message>
        <source>The new %1 is %1 − learning_rate · d%1: one step against the gradient.</source>
        <translation>새 %1은(는) %1 − learning_rate · d%1입니다: 기울기의 반대 방향으로 한 스텝 옮긴 값입니다.</translation>
    </message>
    <message>
        <source>The shape is %1 where %2 is expected: a matrix product has its factors swapped or transposed. A weight gradient puts the layer&apos;s input first, transposed: dW = inputᵀ · gradient. %3</source>
        <translation>모양이 %1입니다(기대한 모양: %2). 행렬 곱의 두 인수가 뒤바뀌었거나 전치되었습니다. 가중치 기울기는 층의 입력을 전치해 앞에 둡니다: dW = inputᵀ · gradient. %3</translation>
    </message>
    <message>
        <source>This is N = %1 times the right value: dy = (y − t) / N. The loss is the mean over the batch, so its gradient is divided by the batch size; without /N every gradient is N times too large, as if the learning rate were N times higher.</source>
        <translation>올바른 값의 N = %1배입니다: dy = (y − t) / N. 손실은 배치에 대한 평균이므로 그 기울기도 배치 크기로 나눕니다. /N이 없으면 모든 기울기가 N배 커져서 학습률을 N배 높인 것과 같아집니다.</translation>
    </message>
    <message>
        <source>The sigmoid&apos;s derivative was taken as σ(a1) itself. It is σ(a)(1 − σ(a)) = z1 * (1 − z1): sigmoid_grad(a) returns sigmoid(a) * (1 − sigmoid(a)).</source>
        <translation>시그모이드의 도함수를 σ(a1) 자체로 썼습니다. 도함수는 σ(a)(1 − σ(a)) = z1 * (1 − z1)입니다: sigmoid_grad(a)는 sigmoid(a) * (1 − sigmoid(a))를 반환해야 합니다.</translation>
    </message>
    <message>
        <source>The sigmoid&apos;s derivative was taken at z1 instead of a1, which applies σ twice: use sigmoid_grad(a1), or z1 * (1 − z1).</source>
        <translation>시그모이드의 도함수를 a1이 아니라 z1에서 구해서 σ를 두 번 적용했습니다: sigmoid_grad(a1) 또는 z1 * (1 − z1)을 쓰세요.</translation>
    </message>
    <message>
        <source>da1 is dz1 unchanged: going back through the sigmoid multiplies by its derivative, da1 = sigmoid_grad(a1) * dz1.</source>
        <translation>da1이 dz1과 똑같습니다: 시그모이드를 거꾸로 지나갈 때는 그 도함수를 곱합니다. da1 = sigmoid_grad(a1) * dz1.</translation>
    </message>
    <message>
        <source>A bias gradient sums the gradient over the examples, which are the rows: axis=0. It has one number per unit, like the bias: %1</source>
        <translation>편향 기울기는 기울기를 예제, 즉 행에 대해 합합니다: axis=0. 편향처럼 뉴런마다 수가 하나입니다: %1</translation>
    </message>
    <message>
        <source>db1 was summed from dz1, the gradient at the sigmoid&apos;s output. The bias is added before the sigmoid, in a1 = X · W1 + b1, so db1 = np.sum(da1, axis=0).</source>
        <translation>db1을 시그모이드 출력에서의 기울기인 dz1로 합했습니다. 편향은 시그모이드 앞, a1 = X · W1 + b1에서 더해지므로 db1 = np.sum(da1, axis=0)입니다.</translation>
    </message>
    <message>
        <source>The update subtracted learning_rate · %1 instead of learning_rate · d%1: every step shrinks %1 by the factor (1 − learning_rate) whatever the data say, and the network forgets what it learns.</source>
        <translation>갱신에서 learning_rate · d%1 대신 learning_rate · %1을(를) 뺐습니다: 데이터와 상관없이 스텝마다 %1이(가) (1 − learning_rate)배로 줄어들어, 네트워크가 배운 것을 잊어버립니다.</translation>
    </message>
    <message>
        <source>The gradient was added. Gradient descent steps against it, %1 − learning_rate · d%1, so that the loss goes down.</source>
        <translation>기울기를 더했습니다. 경사 하강법은 손실이 줄어들도록 기울기의 반대 방향으로 옮깁니다: %1 − learning_rate · d%1.</translation>
    </message>
    <message>
        <source>%1 came back unchanged: update returns the new value, %1 − learning_rate · d%1.</source>
        <translation>%1이(가) 바뀌지 않은 채 반환되었습니다: update는 새 값 %1 − learning_rate · d%1을(를) 반환해야 합니다.</translation>
    </message>
    <message>
        <source>The bias is missing: a layer&apos;s pre-activation is input · W + b.</source>
        <translation>편향이 빠졌습니다: 층의 사전 활성화 값은 input · W + b입니다.</translation>
    </message>
    <message>
        <source>z1 equals a1: the hidden layer&apos;s activation z1 = sigmoid(a1) is missing.</source>
        <translation>z1이 a1과 같습니다: 은닉층의 활성화 값 z1 = sigmoid(a1)을 계산하지 않았습니다.</translation>
    </message>
    <message>
        <source>y equals a2: the output probabilities are y = softmax(a2).</source>
        <translation>y가 a2와 같습니다: 출력 확률은 y = softmax(a2)입니다.</translation>
    </message>
    <message>
        <source>The shape is %1 where %2 is expected. %3</source>
        <translation>모양이 %1입니다(기대한 모양: %2). %3</translation>
    </message>
    <message>
        <source>%1 holds NaN or infinite numbers: a division by zero, the log of 0 or an overflowing exp makes them, and they spread to everything computed from them.</source>
        <translation>%1에 NaN 또는 무한대 값이 있습니다: 0으로 나누기, 0의 log, 넘치는 exp에서 생기며, 그 값으로 계산한 모든 값에 퍼집니다.</translation>
    </message>
    <message>
        <source>%1 holds NaN or infinite numbers; the first one was made here (%2).</source>
        <translation>%1에 NaN 또는 무한대 값이 있습니다. 첫 번째 값은 여기에서 생겼습니다 (%2).</translation>
    </message>
    <message>
        <source>%1 returned no %2: its dict needs the keys %3.</source>
        <translation>%1이(가) %2을(를) 반환하지 않았습니다: 반환하는 dict에는 키 %3이(가) 있어야 합니다.</translation>
    </message>
    <message>
        <source>%1 is not an array of numbers: %2.</source>
        <translation>%1은(는) 숫자 배열이 아닙니다: %2.</translation>
    </message>
    <message>
        <source>%1 must return a dict with the keys %2; it returned %3.</source>
        <translation>%1은(는) 키 %2이(가) 있는 dict를 반환해야 하는데 %3을(를) 반환했습니다.</translation>
    </message>
    <message>
        <source>%1 raised %2.</source>
        <translation>%1 실행 중에 오류가 발생했습니다: %2.</translation>
    </message>
    <message>
        <source>%1 raised %2. The shapes do not fit a matrix product (the inner sizes must be equal): check which factor needs .T.</source>
        <translation>%1 실행 중에 오류가 발생했습니다: %2. 모양이 행렬 곱에 맞지 않습니다(안쪽 크기가 같아야 합니다): 어느 인수에 .T가 필요한지 확인하세요.</translation>
    </message>
    <message>
        <source>%1 raised %2. Arrays combined element by element must have the same shape (or one of size 1 where they differ): compare their shapes on this line.</source>
        <translation>%1 실행 중에 오류가 발생했습니다: %2. 원소별로 계산하는 배열들은 모양이 같아야 합니다(다른 축이 있으면 한쪽 크기가 1이어야 합니다): 이 줄에 있는 배열들의 모양을 비교해 보세요.</translation>
    </message>
    <message>
        <source>%1 is not written yet: replace its TODO with your code.</source>
        <translation>%1을(를) 아직 작성하지 않았습니다: TODO를 내 코드로 바꾸세요.</translation>
    </message>
    <message>
        <source>The file defines no function %1: keep the template&apos;s names.</source>
        <translation>파일에 함수 %1이(가) 정의되어 있지 않습니다: 시작 파일의 함수 이름을 그대로 쓰세요.</translation>
    </message>
    <message>
        <source>%1 did not finish within the time limit of %2 s (an endless loop?) and was stopped.</source>
        <translation>%1이(가) 시간 제한 %2초 안에 끝나지 않아 중지했습니다 (무한 루프?).</translation>
    </message>
    <message>
        <source>The Python process running your code ended during %1 (exit code %2). %3</source>
        <translation>내 코드를 실행하던 Python 프로세스가 %1 중에 종료되었습니다 (종료 코드 %2). %3</translation>
    </message>
    <message>
        <source>Not run: your code stopped before it.</source>
        <translation>실행 안 됨: 내 코드가 그 전에 멈췄습니다.</translation>
    </message>
    <message>
        <source>Trained with your functions, the loss follows the engine&apos;s curve: from %1 to %2 in %3 steps.</source>
        <translation>내 함수로 학습한 손실이 mlpviz의 곡선을 그대로 따라갑니다: %3스텝 동안 %1에서 %2(으)로 바뀌었습니다.</translation>
    </message>
    <message>
        <source>Trained with your functions, the loss went from %1 to %2 in %3 steps; the engine&apos;s from %4 to %5.</source>
        <translation>내 함수로 학습한 손실은 %3스텝 동안 %1에서 %2(으)로, mlpviz의 손실은 %4에서 %5(으)로 바뀌었습니다.</translation>
    </message>
    <message>
        <source>Trained with your functions, the loss became %1 at step %2.</source>
        <translation>내 함수로 학습하니 %2번째 스텝에서 손실이 %1이(가) 되었습니다.</translation>
    </message>
    <message>
        <source>%1 (%2, line %3: %4)</source>
        <translation>%1 (%2, %3번째 줄: %4)</translation>
    </message>
    <message>
        <source>training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: 그런 파일이 없습니다</translation>
    </message>
    <message>
        <source>%1 is not a file</source>
        <translation>%1은(는) 파일이 아닙니다</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Check my code</source>
        <translation>내 코드 검사</translation>
    </message>
    <message>
        <source>Check your own NumPy network: the functions forward, backward and update of a .py file, filled in from the template. Each array they return is compared with the engine&apos;s on a small network; then the file trains on MNIST beside the engine. Your file runs in a separate process with a time limit: whatever it does, mlpviz keeps running.</source>
        <translation>직접 작성한 NumPy 네트워크를 검사합니다. 대상은 시작 파일을 채워 만든 .py 파일의 forward, backward, update 함수입니다. 작은 네트워크에서 이 함수들이 돌려주는 배열을 하나하나 mlpviz 엔진의 것과 비교한 다음, 그 파일로 MNIST를 엔진과 나란히 학습합니다. 내 파일은 시간 제한이 있는 별도의 프로세스에서 실행되므로, 파일이 무엇을 하든 mlpviz는 계속 동작합니다.</translation>
    </message>
    <message>
        <source>Your .py file</source>
        <translation>내 .py 파일</translation>
    </message>
    <message>
        <source>The file with your forward, backward and update functions.</source>
        <translation>내 forward, backward, update 함수가 들어 있는 파일입니다.</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>선택...</translation>
    </message>
    <message>
        <source>Write a template...</source>
        <translation>시작 파일 만들기...</translation>
    </message>
    <message>
        <source>Save a starting file with the functions to fill in, their arguments, shapes and hints, in Korean and English.</source>
        <translation>채워야 할 함수와 그 인자, 모양, 도움말이 한국어와 영어로 적힌 시작 파일을 저장합니다.</translation>
    </message>
    <message>
        <source>Training steps with your functions (0: check only)</source>
        <translation>내 함수로 학습할 스텝 수 (0: 검사만)</translation>
    </message>
    <message>
        <source>How many training steps (batches of 100 MNIST images) to take with your functions, beside the engine on the same batches from the same weights.</source>
        <translation>내 함수로 학습할 스텝 수입니다(스텝마다 MNIST 이미지 100장의 배치). mlpviz 엔진도 같은 가중치에서 출발해 같은 배치로 나란히 학습합니다.</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>검사</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>스텝:</translation>
    </message>
    <message>
        <source>Choose your file, or write a template to start from.</source>
        <translation>내 파일을 고르거나, 시작 파일을 만들어 거기서부터 시작하세요.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>모양</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>기대 모양</translation>
    </message>
    <message>
        <source>Relative error</source>
        <translation>상대 오차</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>판정</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>도움말</translation>
    </message>
    <message>
        <source>One row per array your functions return, in the order the course computes them, then the training run. Relative error: how far your array is from the engine&apos;s, relative to its size (for the new parameters, to the size of the step). The first wrong row is highlighted; its hint says what the numbers show, often the mistake itself, and where in your file.</source>
        <translation>내 함수가 돌려주는 배열마다 한 행씩 강의에서 계산하는 순서대로 나오고, 마지막에 학습 실행이 나옵니다. 상대 오차: 내 배열이 mlpviz 엔진의 배열과 얼마나 다른지를 그 배열의 크기에 대한 비율로 나타낸 값입니다(갱신된 매개변수는 스텝의 크기에 대한 비율). 처음 틀린 행은 강조되며, 그 행의 도움말은 수치가 무엇을 보여 주는지, 흔히 실수 그 자체와 그 실수가 내 파일의 어디에 있는지 알려 줍니다.</translation>
    </message>
    <message>
        <source>Training loss with your code and with the engine</source>
        <translation>내 코드와 mlpviz 엔진의 학습 손실</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>engine</source>
        <translation>mlpviz 엔진</translation>
    </message>
    <message>
        <source>your code</source>
        <translation>내 코드</translation>
    </message>
    <message>
        <source>The batch losses of training with your functions (orange) and with the engine (blue, dashed), from the same weights on the same batches. Correct functions draw one curve over the other.</source>
        <translation>내 함수로 학습한 배치 손실(주황색)과 mlpviz 엔진으로 학습한 배치 손실(파란 파선)입니다. 둘 다 같은 가중치에서 출발해 같은 배치로 학습합니다. 함수가 맞으면 두 곡선이 겹쳐 그려집니다.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Your network code</source>
        <translation>내 네트워크 코드</translation>
    </message>
    <message>
        <source>Python files (*.py)</source>
        <translation>Python 파일 (*.py)</translation>
    </message>
    <message>
        <source>Write a template</source>
        <translation>시작 파일 만들기</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Template written to %1: fill in its TODOs, then press Check.</source>
        <translation>%1에 시작 파일을 만들었습니다. TODO를 채운 다음 검사를 누르세요.</translation>
    </message>
    <message>
        <source>%1 is not a file: choose your .py file.</source>
        <translation>%1은(는) 파일이 아닙니다. 내 .py 파일을 고르세요.</translation>
    </message>
    <message>
        <source>Choose your .py file first.</source>
        <translation>먼저 내 .py 파일을 고르세요.</translation>
    </message>
    <message>
        <source>Running your code in a separate process...</source>
        <translation>별도의 프로세스에서 내 코드를 실행하는 중...</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>중지했습니다.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>The check itself failed: %1</source>
        <translation>검사 자체가 실패했습니다: %1</translation>
    </message>
    <message>
        <source>All %1 checks pass: your functions compute what the engine does.</source>
        <translation>검사 %1개를 모두 통과했습니다. 내 함수가 mlpviz 엔진과 같은 값을 계산합니다.</translation>
    </message>
    <message>
        <source>First wrong: %1 (%2). %3</source>
        <translation>처음 틀린 항목: %1 (%2). %3</translation>
    </message>
</context>
<context>
    <name>Checkpoint</name>
    <message>
        <source>%1 holds NaN or infinite values</source>
        <translation>%1에 NaN 또는 무한대 값이 있습니다</translation>
    </message>
    <message>
        <source>optimizer state %1 is not numbers (dtype %2)</source>
        <translation>옵티마이저 상태 %1이(가) 숫자가 아닙니다 (dtype %2)</translation>
    </message>
    <message>
        <source>optimizer state %1 holds NaN or infinite values</source>
        <translation>옵티마이저 상태 %1에 NaN 또는 무한대 값이 있습니다</translation>
    </message>
    <message>
        <source>optimizer state %1 belongs to no parameter: the network has %2</source>
        <translation>옵티마이저 상태 %1에 해당하는 매개변수가 없습니다: 네트워크의 매개변수는 %2개입니다</translation>
    </message>
    <message>
        <source>optimizer state %1 has shape %2 but %3, the parameter it belongs to, has shape %4</source>
        <translation>옵티마이저 상태 %1의 모양은 %2인데, 이것이 속한 매개변수 %3의 모양은 %4입니다</translation>
    </message>
    <message>
        <source>optimizer state %1 is there but v%2 is not</source>
        <translation>옵티마이저 상태 %1은(는) 있는데 v%2가 없습니다</translation>
    </message>
    <message>
        <source>optimizer state %1 must be a single number above 0, got %2</source>
        <translation>옵티마이저 상태 %1은(는) 0보다 큰 수 하나여야 하는데 %2입니다</translation>
    </message>
    <message>
        <source>optimizer state %1 must be a whole number of at least 0, got %2</source>
        <translation>옵티마이저 상태 %1은(는) 0 이상인 정수 하나여야 하는데 %2입니다</translation>
    </message>
    <message>
        <source>%1: not saved: the network&apos;s weights hold NaN or infinite values (its training diverged)</source>
        <translation>%1: 저장하지 않았습니다: 네트워크의 가중치에 NaN 또는 무한대 값이 있습니다(학습이 발산했습니다)</translation>
    </message>
    <message>
        <source>%1: cannot save (%2); any previous file there is unchanged</source>
        <translation>%1: 저장할 수 없습니다(%2). 그 자리에 있던 파일은 바뀌지 않았습니다</translation>
    </message>
    <message>
        <source>%1: file not found</source>
        <translation>%1: 파일을 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>%1: not a model file (.npz): it is not a zip archive</source>
        <translation>%1: 모델 파일(.npz)이 아닙니다: zip 압축 파일이 아닙니다</translation>
    </message>
    <message>
        <source>%1: refused: it holds pickled Python objects, which could run code when loaded</source>
        <translation>%1: 거부했습니다: 불러올 때 코드를 실행할 수 있는 pickle된 Python 객체가 들어 있습니다</translation>
    </message>
    <message>
        <source>%1: unreadable (%2)</source>
        <translation>%1: 읽을 수 없습니다 (%2)</translation>
    </message>
    <message>
        <source>%1: corrupt or truncated (%2)</source>
        <translation>%1: 파일이 손상되었거나 잘렸습니다 (%2)</translation>
    </message>
    <message>
        <source>%1: no `config` entry: not an mlpviz model file</source>
        <translation>%1: `config` 항목이 없습니다: mlpviz 모델 파일이 아닙니다</translation>
    </message>
    <message>
        <source>%1: `config` is not valid JSON (%2)</source>
        <translation>%1: `config`가 올바른 JSON이 아닙니다 (%2)</translation>
    </message>
    <message>
        <source>%1: `config` does not describe an mlpviz model</source>
        <translation>%1: `config`가 mlpviz 모델을 설명하지 않습니다</translation>
    </message>
    <message>
        <source>%1: model format version %2 is not supported (this is %3)</source>
        <translation>%1: 모델 형식 버전 %2은(는) 지원하지 않습니다 (지원하는 버전: %3)</translation>
    </message>
    <message>
        <source>%1: unknown activation %2</source>
        <translation>%1: 알 수 없는 활성화 함수 %2</translation>
    </message>
    <message>
        <source>%1: unknown loss %2</source>
        <translation>%1: 알 수 없는 손실 %2</translation>
    </message>
    <message>
        <source>%1: `sizes` must list at least two positive layer sizes, got %2</source>
        <translation>%1: `sizes`에는 양수인 층 크기가 두 개 이상 있어야 합니다. 받은 값: %2</translation>
    </message>
    <message>
        <source>%1: the network has %2 outputs; it needs one for each of the %3 classes (labels 0-%4)</source>
        <translation>%1: 네트워크의 출력이 %2개입니다. 클래스 %3개(정답 0-%4)마다 하나씩 있어야 합니다</translation>
    </message>
    <message>
        <source>%1: weights do not match `sizes`; missing %2; unexpected %3</source>
        <translation>%1: 가중치가 `sizes`와 맞지 않습니다. 빠진 것: %2, 예상하지 않은 것: %3</translation>
    </message>
    <message>
        <source>%1: weights do not match `sizes`; missing %2</source>
        <translation>%1: 가중치가 `sizes`와 맞지 않습니다. 빠진 것: %2</translation>
    </message>
    <message>
        <source>%1: weights do not match `sizes`; unexpected %2</source>
        <translation>%1: 가중치가 `sizes`와 맞지 않습니다. 예상하지 않은 것: %2</translation>
    </message>
    <message>
        <source>%1: W%2 %3 and b%2 %4 do not chain as sizes %5 -&gt; %6</source>
        <translation>%1: W%2 %3와(과) b%2 %4의 모양이 층 크기 %5 -&gt; %6에 맞지 않습니다</translation>
    </message>
    <message>
        <source>%1: W%2/b%2 must be float32 or float64, got %3/%4</source>
        <translation>%1: W%2/b%2은(는) float32 또는 float64여야 합니다. 받은 값: %3/%4</translation>
    </message>
    <message>
        <source>%1: W%2 or b%2 holds NaN or infinite values</source>
        <translation>%1: W%2 또는 b%2에 NaN 또는 무한대 값이 있습니다</translation>
    </message>
    <message>
        <source>%1: layers mix float32 and float64</source>
        <translation>%1: 층에 float32와 float64가 섞여 있습니다</translation>
    </message>
    <message>
        <source>%1: image_shape %2 does not match %3 inputs</source>
        <translation>%1: image_shape %2이(가) 입력 %3개와 맞지 않습니다</translation>
    </message>
    <message>
        <source>%1: history/epochs has shape %2, expected (n, %3)</source>
        <translation>%1: history/epochs의 모양이 %2입니다. (n, %3)이어야 합니다</translation>
    </message>
    <message>
        <source>%1: history/%2 is there but history/epochs is not</source>
        <translation>%1: history/%2은(는) 있는데 history/epochs가 없습니다</translation>
    </message>
    <message>
        <source>%1: history/%2 has shape %3, expected (%4, %5)</source>
        <translation>%1: history/%2의 모양이 %3입니다. (%4, %5)이어야 합니다</translation>
    </message>
    <message>
        <source>%1: history/loss must be one number per step, got %2 of %3</source>
        <translation>%1: history/loss는 스텝마다 수 하나여야 하는데 %3 형식의 %2입니다</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: history/epoch_knots is there but history/loss is not</source>
        <translation>%1: history/epoch_knots는 있지만 history/loss가 없습니다</translation>
    </message>
    <message>
        <source>%1: history/epoch_knots has shape %2 of %3, expected (n, 2) numbers</source>
        <translation>%1: history/epoch_knots의 모양이 %2(%3)입니다. (n, 2) 모양의 숫자여야 합니다</translation>
    </message>
    <message>
        <source>%1: history/epoch_knots holds NaN or infinite values</source>
        <translation>%1: history/epoch_knots에 NaN 또는 무한대 값이 있습니다</translation>
    </message>
    <message>
        <source>%1: history/epoch_knots must go from step 0 at epoch 0 to step %2, the last in history/loss, with the steps rising and the epochs never falling</source>
        <translation>%1: history/epoch_knots는 에포크 0의 스텝 0에서 history/loss의 마지막 스텝인 스텝 %2까지 이어져야 하며, 스텝은 늘어나고 에포크는 줄어들지 않아야 합니다</translation>
    </message>
    <message>
        <source>the network has layer sizes %1, the run trains %2</source>
        <translation>네트워크의 층 크기는 %1인데 학습 중인 네트워크는 %2입니다</translation>
    </message>
</context>
<context>
    <name>Config</name>
    <message>
        <source>activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>init</source>
        <translation>초기화 방식</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>dtype</source>
        <translation>자료형</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>학습률 스케줄</translation>
    </message>
    <message>
        <source>init_std</source>
        <translation>초기 표준편차(init_std)</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>가중치 감쇠</translation>
    </message>
    <message>
        <source>lr_decay</source>
        <translation>학습률 감소(lr_decay)</translation>
    </message>
    <message>
        <source>dropout</source>
        <translation>드롭아웃</translation>
    </message>
    <message>
        <source>shift</source>
        <translation>이미지 이동(shift)</translation>
    </message>
    <message>
        <source>rotation</source>
        <translation>회전 각도(rotation)</translation>
    </message>
    <message>
        <source>shear</source>
        <translation>기울임 각도(shear)</translation>
    </message>
    <message>
        <source>scale</source>
        <translation>크기 변화(scale)</translation>
    </message>
    <message>
        <source>translate</source>
        <translation>평행 이동(translate)</translation>
    </message>
    <message>
        <source>thickness</source>
        <translation>획 두께 변화(thickness)</translation>
    </message>
    <message>
        <source>elastic_alpha</source>
        <translation>탄성 왜곡 세기(elastic_alpha)</translation>
    </message>
    <message>
        <source>elastic_sigma</source>
        <translation>탄성 왜곡 매끄러움(elastic_sigma)</translation>
    </message>
    <message>
        <source>pen_share</source>
        <translation>펜으로 다시 그리는 비율(pen_share)</translation>
    </message>
    <message>
        <source>pen_min</source>
        <translation>가장 가는 펜 굵기(pen_min)</translation>
    </message>
    <message>
        <source>pen_max</source>
        <translation>가장 굵은 펜 굵기(pen_max)</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>%1 이상 %2 이하</translation>
    </message>
    <message>
        <source>above %1 and at most %2</source>
        <translation>%1 초과 %2 이하</translation>
    </message>
    <message>
        <source>at least %1 and at most %2</source>
        <translation>%1 이상 %2 이하</translation>
    </message>
    <message>
        <source>hidden must list 0 to %1 layer widths, got %2</source>
        <translation>은닉층(hidden)에는 층 너비를 0개에서 %1개까지 적어야 합니다. 받은 값: %2</translation>
    </message>
    <message>
        <source>each hidden layer width must be a whole number from %1 to %2, got %3</source>
        <translation>은닉층의 너비는 각각 %1부터 %2까지의 정수여야 합니다. 받은 값: %3</translation>
    </message>
    <message>
        <source>batch size %1 is larger than the training set (%2 images)</source>
        <translation>배치 크기 %1이(가) 학습 데이터(이미지 %2장)보다 큽니다</translation>
    </message>
    <message>
        <source>hidden layers must be comma-separated whole numbers from 1 to %1, such as 256,128; got %2</source>
        <translation>은닉층은 256,128처럼 쉼표로 구분한 1부터 %1까지의 정수여야 합니다. 받은 값: %2</translation>
    </message>
    <message>
        <source>unknown augmentation %1; choose from %2 (comma-separated) or none</source>
        <translation>알 수 없는 데이터 증강 %1입니다. %2 중에서 쉼표로 구분해 고르거나 none을 쓰세요</translation>
    </message>
    <message>
        <source>unknown settings: %1</source>
        <translation>알 수 없는 설정: %1</translation>
    </message>
    <message>
        <source>%1 must be a finite number %2, got %3</source>
        <translation>%1 값은 %2의 유한한 수여야 합니다. 받은 값: %3</translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3, got %4</source>
        <translation>%1 값은 %2부터 %3까지의 정수여야 합니다. 받은 값: %4</translation>
    </message>
    <message>
        <source>unknown %1 %2; choose from %3</source>
        <translation>알 수 없는 %1 %2입니다. 다음 중에서 고르세요: %3</translation>
    </message>
    <message>
        <source>unknown mistake %1; choose from %2</source>
        <translation>알 수 없는 실수 %1입니다. 다음 중에서 고르세요: %2</translation>
    </message>
    <message>
        <source>the %1 mistake needs at least one hidden layer</source>
        <translation>%1 실수를 재현하려면 은닉층이 하나 이상 있어야 합니다</translation>
    </message>
    <message>
        <source>unknown augmentation in %1; choose from %2</source>
        <translation>%1에 알 수 없는 데이터 증강이 있습니다. 다음 중에서 고르세요: %2</translation>
    </message>
    <message>
        <source>give either a number of epochs or a number of steps</source>
        <translation>에포크 수와 스텝 수 가운데 하나만 정하세요</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>the network takes %1 inputs but the images of %2 have %3 pixels</source>
        <translation>네트워크의 입력은 %1개인데 %2의 이미지는 픽셀이 %3개입니다</translation>
    </message>
    <message>
        <source>momentum applies to the momentum optimizer, not %1</source>
        <translation>모멘텀은 모멘텀 옵티마이저에만 쓰입니다 (지금 옵티마이저: %1)</translation>
    </message>
    <message>
        <source>a schedule needs a run length above 0 epochs, got %1</source>
        <translation>학습률 스케줄에는 0 에포크보다 긴 학습 길이가 필요합니다. 받은 값: %1</translation>
    </message>
</context>
<context>
    <name>ControlPanel</name>
    <message>
        <source>course</source>
        <translation>강의</translation>
    </message>
    <message>
        <source>keras</source>
        <translation>Keras</translation>
    </message>
    <message>
        <source>fast</source>
        <translation>빠른 학습</translation>
    </message>
    <message>
        <source>best</source>
        <translation>최고 성능</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>사용자 정의</translation>
    </message>
    <message>
        <source>Widths of the hidden layers, comma-separated: 50 is one layer of 50 units, 256,128 two layers. Each from 1 to %1 units, up to %2 layers; empty for none.</source>
        <translation>은닉층의 뉴런 수를 쉼표로 구분해 적습니다. 50은 뉴런 50개짜리 층 하나, 256,128은 층 둘입니다. 층마다 1~%1개, 최대 %2층이며, 비워 두면 은닉층이 없습니다.</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>시그모이드</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>The activation function applied after every hidden layer.</source>
        <translation>모든 은닉층 뒤에 적용되는 활성화 함수입니다.</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>정규분포</translation>
    </message>
    <message>
        <source>Xavier (Glorot)</source>
        <translation>Xavier (Glorot)</translation>
    </message>
    <message>
        <source>He</source>
        <translation>He</translation>
    </message>
    <message>
        <source>How the weights start: normal uses the std below, Xavier suits sigmoid and tanh, He suits ReLU.</source>
        <translation>가중치의 초깃값: 정규분포는 아래의 표준편차를 쓰고, Xavier는 시그모이드와 tanh에, He는 ReLU에 알맞습니다.</translation>
    </message>
    <message>
        <source>Standard deviation of the initial weights (normal init only).</source>
        <translation>초기 가중치의 표준편차 (정규분포 초기화에만 쓰임).</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>교차 엔트로피</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation>평균 제곱 오차</translation>
    </message>
    <message>
        <source>What the network minimises: cross-entropy of the softmax output, or the mean squared error against one-hot labels.</source>
        <translation>네트워크가 최소화하는 손실: 소프트맥스 출력의 교차 엔트로피, 또는 원-핫 정답과의 평균 제곱 오차.</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>How gradients change the weights: plain gradient descent, with momentum, or Adam.</source>
        <translation>기울기로 가중치를 바꾸는 방법: 기본 경사 하강법, 모멘텀, 또는 Adam.</translation>
    </message>
    <message>
        <source>Learning rate: the size of each update. It can change while training.</source>
        <translation>학습률: 한 번 갱신할 때의 보폭입니다. 학습 중에도 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>The learning rate in use now, after the per-epoch decay.</source>
        <translation>에포크마다 감소시킨 뒤 지금 쓰고 있는 학습률.</translation>
    </message>
    <message>
        <source>The learning rate is multiplied by this after every epoch (1: constant).</source>
        <translation>에포크가 끝날 때마다 학습률에 이 값을 곱합니다 (1: 고정).</translation>
    </message>
    <message>
        <source>Momentum coefficient (momentum optimizer). It can change while training.</source>
        <translation>모멘텀 계수 (모멘텀 옵티마이저). 학습 중에도 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>A ready-made network and training. course: the course&apos;s 784-50-10 sigmoid network; keras: its Keras version; fast: a 784-256-128-10 ReLU network (about ten seconds); best: 784-512-256-10 on rotated, slanted, rescaled and distorted images, the most accurate and the best at reading drawings (about a minute and a half).</source>
        <translation>미리 준비된 네트워크와 학습 설정입니다. 강의: 강의의 784-50-10 시그모이드 네트워크, Keras: 그 Keras 버전, 빠른 학습: 784-256-128-10 ReLU 네트워크(약 10초), 최고 성능: 회전·기울이기·크기 조절·왜곡한 이미지로 학습하는 784-512-256-10, 가장 정확하고 손으로 그린 그림도 가장 잘 읽음(약 1분 30초).</translation>
    </message>
    <message>
        <source>L2 weight decay. It can change while training.</source>
        <translation>L2 가중치 감쇠. 학습 중에도 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>Augmentation: move each training image by up to this many pixels. It can change while training.</source>
        <translation>데이터 증강: 학습 이미지를 이 픽셀 수까지 이동시킵니다. 학습 중에도 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>고정</translation>
    </message>
    <message>
        <source>steps down</source>
        <translation>계단식 감소</translation>
    </message>
    <message>
        <source>exponential</source>
        <translation>지수 감소</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>코사인</translation>
    </message>
    <message>
        <source>How the learning rate changes over the planned run: constant, ten times smaller at half and again at three quarters, falling exponentially, or along half a cosine. It can change while training.</source>
        <translation>계획한 학습 동안 학습률이 바뀌는 방식: 고정, 절반과 4분의 3 지점에서 각각 10분의 1로 감소, 지수적으로 감소, 또는 코사인 반주기를 따라 감소. 학습 중에도 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>Dropout: the share of every hidden layer&apos;s units switched off at each training step, so that no unit can rely on another. It can change while training.</source>
        <translation>드롭아웃: 학습 스텝마다 각 은닉층의 뉴런 중 이 비율만큼을 끕니다. 어떤 뉴런도 다른 뉴런에 기대지 못하게 하려는 것입니다. 학습 중에도 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>Images per mini-batch: one step averages the gradient over this many. It can change while training.</source>
        <translation>미니배치 하나의 이미지 수: 한 스텝은 이만큼의 이미지에 대한 기울기의 평균을 씁니다. 학습 중에도 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>How long the run is planned, in passes over the training set. Start continues past it.</source>
        <translation>계획한 학습 길이(학습 데이터 전체를 도는 횟수). 시작을 누르면 그 뒤로도 계속합니다.</translation>
    </message>
    <message>
        <source>Random seed: the same seed and settings give exactly the same run.</source>
        <translation>난수 시드: 같은 시드와 설정이면 정확히 같은 학습이 됩니다.</translation>
    </message>
    <message>
        <source>MNIST (bundled)</source>
        <translation>MNIST (내장)</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>선택...</translation>
    </message>
    <message>
        <source>Train on another dataset: a folder of MNIST-format IDX files (such as Fashion-MNIST), a Keras-style mnist.npz, or the bundled MNIST.</source>
        <translation>다른 데이터셋으로 학습: MNIST 형식 IDX 파일 폴더(Fashion-MNIST 등), Keras 형식 mnist.npz, 또는 내장 MNIST.</translation>
    </message>
    <message>
        <source>Show all settings</source>
        <translation>모든 설정 보기</translation>
    </message>
    <message>
        <source>Loss, momentum, weight decay, learning-rate decay, image shifts, initial std and the planned length.</source>
        <translation>손실, 모멘텀, 가중치 감쇠, 학습률 감소, 이미지 이동, 초기 표준편차, 계획한 길이.</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>프리셋</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>은닉층</translation>
    </message>
    <message>
        <source>widths from 1 to %1, up to %2 layers</source>
        <translation>너비 1~%1, 최대 %2개 층</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>Init</source>
        <translation>초기화 방식</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Init std</source>
        <translation>초기 표준편차</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>가중치 감쇠</translation>
    </message>
    <message>
        <source>LR decay / epoch</source>
        <translation>에포크당 학습률 감소</translation>
    </message>
    <message>
        <source>LR schedule</source>
        <translation>학습률 스케줄</translation>
    </message>
    <message>
        <source>Shift images by</source>
        <translation>이미지 이동</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>드롭아웃</translation>
    </message>
    <message>
        <source>Epochs planned</source>
        <translation>계획한 에포크</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>학습 이미지 수</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Start or pause training (Space).</source>
        <translation>학습을 시작하거나 일시 정지합니다 (Space).</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>한 스텝</translation>
    </message>
    <message>
        <source>Train on exactly one mini-batch, then pause (Right arrow).</source>
        <translation>미니배치 하나만 학습하고 멈춥니다 (오른쪽 화살표).</translation>
    </message>
    <message>
        <source>Step epoch</source>
        <translation>한 에포크</translation>
    </message>
    <message>
        <source>Train until the end of the current epoch, then pause (Shift+Right).</source>
        <translation>현재 에포크가 끝날 때까지 학습하고 멈춥니다 (Shift+오른쪽 화살표).</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>초기화</translation>
    </message>
    <message>
        <source>Start again from freshly initialised weights with these settings (Ctrl+R).</source>
        <translation>이 설정으로 가중치를 새로 초기화해 처음부터 다시 시작합니다 (Ctrl+R).</translation>
    </message>
    <message>
        <source>Training speed: from one mini-batch a second (watch each update) to full speed. It acts at once.</source>
        <translation>학습 속도: 초당 미니배치 하나(갱신을 하나하나 관찰)부터 최고 속도까지. 바로 적용됩니다.</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>속도</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hidden layers&lt;/b&gt;&lt;p&gt;The layers between the input layer (784 pixels) and the output layer (10 digits). Each computes a = xW + b from its input x and z = f(a): weights W, bias b and an activation function f. &quot;50&quot; is the course&apos;s network: 784-50-10.&lt;/p&gt;</source>
        <translation>&lt;b&gt;은닉층&lt;/b&gt;&lt;p&gt;입력층(784 픽셀)과 출력층(숫자 10개) 사이의 층입니다. 각 층은 입력 x에서 a = xW + b와 z = f(a)를 계산합니다: 가중치 W, 편향 b, 활성화 함수 f. &quot;50&quot;은 강의의 네트워크 784-50-10입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Activation function&lt;/b&gt;&lt;p&gt;The non-linear f applied in every hidden layer. Sigmoid: σ(a) = 1 / (1 + e&lt;sup&gt;−a&lt;/sup&gt;), with derivative σ′(a) = σ(a)(1 − σ(a)) (at most 0.25, so gradients shrink layer after layer). tanh is centred on 0; ReLU, max(0, a), learns fastest.&lt;/p&gt;</source>
        <translation>&lt;b&gt;활성화 함수&lt;/b&gt;&lt;p&gt;모든 은닉층에 적용되는 비선형 함수 f입니다. 시그모이드: σ(a) = 1 / (1 + e&lt;sup&gt;−a&lt;/sup&gt;), 도함수는 σ′(a) = σ(a)(1 − σ(a))입니다(최댓값이 0.25라서 층을 거칠수록 기울기가 작아집니다). tanh는 0을 중심으로 하고, ReLU max(0, a)는 가장 빨리 학습합니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Learning rate η&lt;/b&gt;&lt;p&gt;Gradient descent moves every weight against its gradient: W ← W − η·∂E/∂W. Too small and learning crawls; too large and the loss jumps about or the network diverges.&lt;/p&gt;</source>
        <translation>&lt;b&gt;학습률 η&lt;/b&gt;&lt;p&gt;경사 하강법은 모든 가중치를 기울기의 반대 방향으로 옮깁니다: W ← W − η·∂E/∂W. 너무 작으면 학습이 느리고, 너무 크면 손실이 널뛰거나 네트워크가 발산합니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Optimizer&lt;/b&gt;&lt;p&gt;SGD is plain gradient descent, W ← W − η·∂E/∂W. Momentum adds a velocity that keeps part of the previous steps; Adam scales each weight&apos;s step by the running size of its gradients.&lt;/p&gt;</source>
        <translation>&lt;b&gt;옵티마이저&lt;/b&gt;&lt;p&gt;SGD는 기본 경사 하강법 W ← W − η·∂E/∂W입니다. 모멘텀은 이전 스텝의 일부를 이어 가는 속도를 더하고, Adam은 가중치마다 최근 기울기의 크기에 맞춰 보폭을 조절합니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Batch size&lt;/b&gt;&lt;p&gt;A mini-batch is the handful of training images one step learns from: the gradient ∂E/∂W is averaged over them before W ← W − η·∂E/∂W. An epoch is one pass over all training images.&lt;/p&gt;</source>
        <translation>&lt;b&gt;배치 크기&lt;/b&gt;&lt;p&gt;미니배치는 한 스텝에서 학습하는 몇 장의 학습 이미지입니다. 이 이미지들에 대한 기울기 ∂E/∂W를 평균한 뒤 W ← W − η·∂E/∂W로 갱신합니다. 에포크는 학습 이미지 전체를 한 번 도는 것입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Settings&lt;/b&gt;&lt;p&gt;The network (its layers and activation function), how it learns (optimizer, learning rate η, mini-batch size) and the data. Start trains by mini-batch gradient descent, W ← W − η·∂E/∂W; Step learns from one mini-batch. Shift+F1, then a click on any setting, explains it.&lt;/p&gt;</source>
        <translation>&lt;b&gt;설정&lt;/b&gt;&lt;p&gt;네트워크(층과 활성화 함수), 학습 방법(옵티마이저, 학습률 η, 미니배치 크기), 데이터를 정합니다. 시작을 누르면 미니배치 경사 하강법 W ← W − η·∂E/∂W로 학습하고, 한 스텝은 미니배치 하나만 학습합니다. Shift+F1을 누른 뒤 아무 설정이나 클릭하면 설명이 나옵니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Loss&lt;/b&gt;&lt;p&gt;Cross-entropy of the softmax output: E = −Σ&lt;sub&gt;k&lt;/sub&gt; t&lt;sub&gt;k&lt;/sub&gt; log y&lt;sub&gt;k&lt;/sub&gt; for the one-hot label t. Mean squared error: (1/n) Σ (t&lt;sub&gt;k&lt;/sub&gt; − y&lt;sub&gt;k&lt;/sub&gt;)². Training lowers it.&lt;/p&gt;</source>
        <translation>&lt;b&gt;손실&lt;/b&gt;&lt;p&gt;소프트맥스 출력의 교차 엔트로피: 원-핫 정답 t에 대해 E = −Σ&lt;sub&gt;k&lt;/sub&gt; t&lt;sub&gt;k&lt;/sub&gt; log y&lt;sub&gt;k&lt;/sub&gt;. 평균 제곱 오차: (1/n) Σ (t&lt;sub&gt;k&lt;/sub&gt; − y&lt;sub&gt;k&lt;/sub&gt;)². 학습은 이 값을 줄여 나갑니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Weight initialisation&lt;/b&gt;&lt;p&gt;The random weights the network starts from. Normal draws them from a normal distribution with the std below. Xavier (Glorot uniform) draws them evenly between ±√(6/(n&lt;sub&gt;in&lt;/sub&gt; + n&lt;sub&gt;out&lt;/sub&gt;)), so with variance 2/(n&lt;sub&gt;in&lt;/sub&gt; + n&lt;sub&gt;out&lt;/sub&gt;) (suits sigmoid and tanh); He from a normal distribution with variance 2/n&lt;sub&gt;in&lt;/sub&gt; (suits ReLU). n&lt;sub&gt;in&lt;/sub&gt; and n&lt;sub&gt;out&lt;/sub&gt; are the layer&apos;s inputs and outputs.&lt;/p&gt;</source>
        <translation>&lt;b&gt;가중치 초기화&lt;/b&gt;&lt;p&gt;네트워크가 출발하는 무작위 가중치입니다. 정규분포(normal)는 아래의 표준편차를 가진 정규분포에서 뽑습니다. Xavier(Glorot 균등분포)는 ±√(6/(n&lt;sub&gt;in&lt;/sub&gt; + n&lt;sub&gt;out&lt;/sub&gt;)) 사이에서 고르게 뽑으므로 분산이 2/(n&lt;sub&gt;in&lt;/sub&gt; + n&lt;sub&gt;out&lt;/sub&gt;)입니다(시그모이드와 tanh에 알맞음). He는 분산이 2/n&lt;sub&gt;in&lt;/sub&gt;인 정규분포에서 뽑습니다(ReLU에 알맞음). n&lt;sub&gt;in&lt;/sub&gt;과 n&lt;sub&gt;out&lt;/sub&gt;은 그 층의 입력 수와 출력 수입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Speed&lt;/b&gt;&lt;p&gt;From one mini-batch a second, to watch every update of the weights, to full speed.&lt;/p&gt;</source>
        <translation>&lt;b&gt;속도&lt;/b&gt;&lt;p&gt;가중치 갱신을 하나하나 지켜볼 수 있는 초당 미니배치 하나부터 최고 속도까지.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hidden layers&lt;/b&gt;&lt;p&gt;The layers between the input layer (784 pixels) and the output layer (10 classes). Each computes a = xW + b from its input x and z = f(a): weights W, bias b and an activation function f. &quot;50&quot; is the course&apos;s network: 784-50-10.&lt;/p&gt;</source>
        <translation>&lt;b&gt;은닉층&lt;/b&gt;&lt;p&gt;입력층(784 픽셀)과 출력층(클래스 10개) 사이의 층입니다. 각 층은 입력 x에서 a = xW + b와 z = f(a)를 계산합니다: 가중치 W, 편향 b, 활성화 함수 f. &quot;50&quot;은 강의의 네트워크 784-50-10입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>How many training images to use (the first N): from %1 to %2.</source>
        <translation>사용할 학습 이미지 수(앞에서부터 N장): %1부터 %2까지.</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>%1 ~ %2</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>in use now: %1</source>
        <translation>현재 사용 중: %1</translation>
    </message>
    <message>
        <source>full speed</source>
        <translation>최고 속도</translation>
    </message>
    <message>
        <source>1 step/s</source>
        <translation>초당 1스텝</translation>
    </message>
    <message>
        <source>%1 steps/s</source>
        <translation>초당 %1스텝</translation>
    </message>
    <message>
        <source>%1 is not possible here: the field takes %2 to %3, so it keeps %4</source>
        <translation>%1은(는) 쓸 수 없습니다: 이 칸은 %2부터 %3까지 받으므로 %4을(를) 그대로 둡니다</translation>
    </message>
    <message>
        <source>Preset %1 cannot be used: %2</source>
        <translation>프리셋 %1은(는) 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 steps</source>
        <translation>%1스텝</translation>
    </message>
</context>
<context>
    <name>CurvesView</name>
    <message>
        <source>cross-entropy (nats)</source>
        <translation>교차 엔트로피 (nat)</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation>평균 제곱 오차</translation>
    </message>
    <message>
        <source>&lt;b&gt;epoch %1&lt;/b&gt;: accuracy train %2%, &lt;b&gt;test %3%&lt;/b&gt;; loss train %4, test %5</source>
        <translation>&lt;b&gt;에포크 %1&lt;/b&gt;: 정확도 학습 %2%, &lt;b&gt;테스트 %3%&lt;/b&gt;; 손실 학습 %4, 테스트 %5</translation>
    </message>
    <message>
        <source>best test: %1% (epoch %2), loss %3 (epoch %4)</source>
        <translation>최고 테스트: %1% (에포크 %2), 손실 %3 (에포크 %4)</translation>
    </message>
    <message>
        <source>samples at epoch %1: accuracy train %2%, test %3%</source>
        <translation>에포크 %1의 표본: 정확도 학습 %2%, 테스트 %3%</translation>
    </message>
    <message>
        <source>loss now %1 (smoothed)</source>
        <translation>현재 손실 %1 (이동 평균)</translation>
    </message>
    <message>
        <source>No training yet.</source>
        <translation>아직 학습하지 않았습니다.</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Accuracy (log scale of the errors: 90%, 99%, 99.9% equally spaced)</source>
        <translation>정확도 (오차율 로그 눈금: 90%, 99%, 99.9%가 같은 간격)</translation>
    </message>
    <message>
        <source>Accuracy (log scale of the errors)</source>
        <translation>정확도 (오차율 로그 눈금)</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>per step</source>
        <translation>미니배치별</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>이동 평균</translation>
    </message>
    <message>
        <source>test sample</source>
        <translation>테스트 표본</translation>
    </message>
    <message>
        <source>train sample</source>
        <translation>학습 표본</translation>
    </message>
    <message>
        <source>test (epoch end)</source>
        <translation>테스트 (에포크 끝)</translation>
    </message>
    <message>
        <source>train (epoch end)</source>
        <translation>학습 (에포크 끝)</translation>
    </message>
    <message>
        <source>Red, filled circles: test accuracy at each epoch end; blue, hollow squares: training accuracy. Dotted and dashed: samples measured during the epoch.</source>
        <translation>빨간 원: 각 에포크 끝의 테스트 정확도, 파란 빈 사각형: 학습 정확도. 점선과 파선: 에포크 중에 잰 표본.</translation>
    </message>
    <message>
        <source>Epoch-end figures are on the full test set and the evaluated training images; the smoothed loss follows the mini-batches as they are learned.</source>
        <translation>에포크 끝의 수치는 테스트 데이터 전체와 평가한 학습 이미지에서 잰 것입니다. 손실의 이동 평균은 학습하는 미니배치를 따라갑니다.</translation>
    </message>
    <message>
        <source>Press Start (Space) to train, or Step (Right arrow) for one mini-batch</source>
        <translation>시작(Space)을 눌러 학습하거나, 한 스텝(오른쪽 화살표)으로 미니배치 하나를 학습하세요</translation>
    </message>
    <message>
        <source>&lt;b&gt;Loss and accuracy&lt;/b&gt;&lt;p&gt;Loss plot: the loss E of each mini-batch (faint) and its moving average; for the softmax output it is the cross-entropy E = −Σ t&lt;sub&gt;k&lt;/sub&gt; log y&lt;sub&gt;k&lt;/sub&gt;. Gradient descent lowers it step by step: W ← W − η·∂E/∂W. Accuracy plot: the accuracy on training and test images, on a scale of the errors, so that 90%, 99% and 99.9% are equally far apart; test below train means the network starts to memorise.&lt;/p&gt;</source>
        <translation>&lt;b&gt;손실과 정확도&lt;/b&gt;&lt;p&gt;손실 그래프: 미니배치마다의 손실 E(흐린 선)과 그 이동 평균입니다. 소프트맥스 출력에서는 교차 엔트로피 E = −Σ t&lt;sub&gt;k&lt;/sub&gt; log y&lt;sub&gt;k&lt;/sub&gt;입니다. 경사 하강법이 스텝마다 이를 줄입니다: W ← W − η·∂E/∂W. 정확도 그래프: 학습 이미지와 테스트 이미지의 정확도를 오차의 눈금으로 그려 90%, 99%, 99.9%가 같은 간격입니다. 테스트가 학습보다 낮아지면 네트워크가 외우기 시작한 것입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <source>%1 (all %2 images)</source>
        <translation>%1 (이미지 %2장 전체)</translation>
    </message>
    <message>
        <source>%1 (%2-image sample)</source>
        <translation>%1 (이미지 %2장 표본)</translation>
    </message>
</context>
<context>
    <name>Data</name>
    <message>
        <source>use at least %1 training images, got %2</source>
        <translation>학습 이미지를 %1장 이상 쓰세요. 받은 값: %2</translation>
    </message>
    <message>
        <source>%1: file not found</source>
        <translation>%1: 파일을 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>%1: cannot read (%2)</source>
        <translation>%1: 읽을 수 없습니다 (%2)</translation>
    </message>
    <message>
        <source>%1: corrupt or truncated gzip data (%2)</source>
        <translation>%1: gzip 데이터가 손상되었거나 잘렸습니다 (%2)</translation>
    </message>
    <message>
        <source>%1: named .gz but is not gzip-compressed</source>
        <translation>%1: 이름은 .gz이지만 gzip으로 압축되어 있지 않습니다</translation>
    </message>
    <message>
        <source>%1: too short to be an IDX file (%2 bytes)</source>
        <translation>%1: IDX 파일이라기에는 너무 짧습니다 (%2바이트)</translation>
    </message>
    <message>
        <source>%1: not an IDX file of labels or images (magic number %2, expected %3 or %4)</source>
        <translation>%1: 정답이나 이미지의 IDX 파일이 아닙니다 (매직 넘버 %2, %3 또는 %4이어야 함)</translation>
    </message>
    <message>
        <source>%1: truncated header</source>
        <translation>%1: 헤더가 잘렸습니다</translation>
    </message>
    <message>
        <source>%1: truncated: header says %2 = %3 bytes, file holds %4</source>
        <translation>%1: 파일이 잘렸습니다: 헤더에는 %2 = %3바이트라고 되어 있지만 파일에는 %4바이트가 있습니다</translation>
    </message>
    <message>
        <source>%1: has trailing bytes: header says %2 = %3 bytes, file holds %4</source>
        <translation>%1: 끝에 남는 바이트가 있습니다: 헤더에는 %2 = %3바이트라고 되어 있지만 파일에는 %4바이트가 있습니다</translation>
    </message>
    <message>
        <source>%1: images must be 3-D (count, rows, cols), got shape %2</source>
        <translation>%1: 이미지는 3차원(개수, 행, 열)이어야 합니다. 받은 모양: %2</translation>
    </message>
    <message>
        <source>%1: labels must be 1-D, got shape %2</source>
        <translation>%1: 정답은 1차원이어야 합니다. 받은 모양: %2</translation>
    </message>
    <message>
        <source>%1: %2 images but %3 labels</source>
        <translation>%1: 이미지는 %2장인데 정답은 %3개입니다</translation>
    </message>
    <message>
        <source>%1: no images</source>
        <translation>%1: 이미지가 없습니다</translation>
    </message>
    <message>
        <source>%1: label %2 out of range 0-%3</source>
        <translation>%1: 정답 %2이(가) 범위 0-%3을(를) 벗어났습니다</translation>
    </message>
    <message>
        <source>%1: training images are %2x%3 but test images are %4x%5</source>
        <translation>%1: 학습 이미지는 %2x%3인데 테스트 이미지는 %4x%5입니다</translation>
    </message>
    <message>
        <source>%1: no %2[.gz] file in this folder</source>
        <translation>%1: 이 폴더에 %2[.gz] 파일이 없습니다</translation>
    </message>
    <message>
        <source>%1: folder not found</source>
        <translation>%1: 폴더를 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>%1: holds labels, not images</source>
        <translation>%1: 이미지가 아니라 정답이 들어 있습니다</translation>
    </message>
    <message>
        <source>%1: holds images, not labels</source>
        <translation>%1: 정답이 아니라 이미지가 들어 있습니다</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%2의 %1</translation>
    </message>
    <message>
        <source>%1: missing arrays %2</source>
        <translation>%1: 배열 %2이(가) 없습니다</translation>
    </message>
    <message>
        <source>%1: not a readable .npz file (%2)</source>
        <translation>%1: 읽을 수 있는 .npz 파일이 아닙니다 (%2)</translation>
    </message>
    <message>
        <source>%1: %2 has dtype %3, expected uint8</source>
        <translation>%1: %2의 자료형이 %3입니다. uint8이어야 합니다</translation>
    </message>
    <message>
        <source>%1: %2 has values outside 0-255</source>
        <translation>%1: %2에 0-255 범위를 벗어난 값이 있습니다</translation>
    </message>
    <message>
        <source>%1: the bundled MNIST is missing from this installation of mlpviz (reinstall it, or pass a data folder)</source>
        <translation>%1: 설치된 mlpviz에 내장 MNIST가 없습니다 (다시 설치하거나 데이터 폴더를 지정하세요)</translation>
    </message>
    <message>
        <source>%1: no such folder or file</source>
        <translation>%1: 그런 폴더나 파일이 없습니다</translation>
    </message>
</context>
<context>
    <name>DataView</name>
    <message>
        <source>training images</source>
        <translation>학습 이미지</translation>
    </message>
    <message>
        <source>class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <source>The average training image of each class, 0 to 9 from the left.</source>
        <translation>클래스별 평균 학습 이미지입니다. 왼쪽부터 0에서 9까지.</translation>
    </message>
    <message>
        <source>Random training images.</source>
        <translation>무작위 학습 이미지.</translation>
    </message>
    <message>
        <source>The same images as the training settings&apos; augmentation changes them in one training step: each step draws new random changes.</source>
        <translation>학습 설정의 데이터 증강이 한 학습 스텝에서 바꾼 같은 이미지들입니다. 스텝마다 새로운 무작위 변화를 뽑습니다.</translation>
    </message>
    <message>
        <source>New sample</source>
        <translation>새 표본</translation>
    </message>
    <message>
        <source>Show other training images and other random changes.</source>
        <translation>다른 학습 이미지와 다른 무작위 변화를 보여 줍니다.</translation>
    </message>
    <message>
        <source>Open IDX folder…</source>
        <translation>IDX 폴더 열기…</translation>
    </message>
    <message>
        <source>Train on a folder of MNIST-format IDX files, such as Fashion-MNIST.</source>
        <translation>Fashion-MNIST처럼 MNIST 형식 IDX 파일이 든 폴더로 학습합니다.</translation>
    </message>
    <message>
        <source>Open .npz…</source>
        <translation>.npz 열기…</translation>
    </message>
    <message>
        <source>Train on a Keras-style mnist.npz file.</source>
        <translation>Keras 형식 mnist.npz 파일로 학습합니다.</translation>
    </message>
    <message>
        <source>Images per class</source>
        <translation>클래스별 이미지 수</translation>
    </message>
    <message>
        <source>Average image of each class</source>
        <translation>클래스별 평균 이미지</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>표본</translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation>데이터 증강</translation>
    </message>
    <message>
        <source>before</source>
        <translation>전</translation>
    </message>
    <message>
        <source>after</source>
        <translation>후</translation>
    </message>
    <message>
        <source>%1: %2 training and %3 test images of %4x%5 pixels</source>
        <translation>%1: %4x%5 픽셀 학습 이미지 %2장, 테스트 이미지 %3장</translation>
    </message>
    <message>
        <source>The training settings change no image.</source>
        <translation>지금 학습 설정은 이미지를 바꾸지 않습니다.</translation>
    </message>
    <message>
        <source>moved by up to %1 pixels</source>
        <translation>최대 %1픽셀 이동</translation>
    </message>
    <message>
        <source>rotated up to ±%1°, slanted up to ±%2°, scaled by 1±%3, moved up to ±%4 px</source>
        <translation>최대 ±%1° 회전, ±%2° 기울이기, 1±%3배 크기 조절, ±%4픽셀 이동</translation>
    </message>
    <message>
        <source>strokes up to %1 px thinner or thicker</source>
        <translation>획을 최대 %1픽셀 가늘게 또는 굵게</translation>
    </message>
    <message>
        <source>elastic distortion (alpha %1, sigma %2)</source>
        <translation>탄성 왜곡 (alpha %1, sigma %2)</translation>
    </message>
    <message>
        <source>%1% thinned to their skeleton and drawn again with a round pen %2 to %3 px wide</source>
        <translation>%1%를 뼈대만 남기고 굵기 %2~%3픽셀의 둥근 펜으로 다시 그리기</translation>
    </message>
</context>
<context>
    <name>Divergence</name>
    <message>
        <source>the loss became %1 in step %2, which was not applied (the network is as it was after step %3): the learning rate is probably too high for this network; lower it and reset</source>
        <translation>%2번째 스텝에서 손실이 %1이(가) 되어 이 스텝은 적용하지 않았습니다(네트워크는 %3번째 스텝 직후 그대로입니다). 이 네트워크에는 학습률이 너무 높은 것 같습니다. 학습률을 낮추고 초기화하세요</translation>
    </message>
    <message>
        <source>the loss rose from %1 at the start to %2 (mean of the last %3 steps) by step %4: training has diverged; lower the learning rate (a tenth is a good first try) and start again</source>
        <translation>손실이 처음 %1에서 %4번째 스텝까지 %2(으)로 올랐습니다(최근 %3스텝의 평균): 학습이 발산했습니다. 학습률을 낮추고(처음에는 10분의 1로 해 보세요) 다시 시작하세요</translation>
    </message>
    <message>
        <source>the loss has stayed above %1 for %2 steps (now %3): the softmax is saturated and the network barely learns; lower the learning rate or the initial weights&apos; spread and start again</source>
        <translation>손실이 %2스텝 동안 %1보다 높게 머물렀습니다(지금 %3): 소프트맥스가 포화되어 네트워크가 거의 배우지 못합니다. 학습률이나 초기 가중치의 퍼짐을 줄이고 다시 시작하세요</translation>
    </message>
</context>
<context>
    <name>DrawPad</name>
    <message>
        <source>Draw a digit here with the mouse. Delete or Escape clears it.</source>
        <translation>여기에 마우스로 숫자를 그리세요. Delete 또는 Escape로 지웁니다.</translation>
    </message>
    <message>
        <source>Draw here with the mouse. Delete or Escape clears it.</source>
        <translation>여기에 마우스로 그리세요. Delete 또는 Escape로 지웁니다.</translation>
    </message>
    <message>
        <source>draw a digit here</source>
        <translation>여기에 숫자를 그리세요</translation>
    </message>
    <message>
        <source>draw here</source>
        <translation>여기에 그리세요</translation>
    </message>
</context>
<context>
    <name>DynamicsView</name>
    <message>
        <source>Gradient size per layer ‖∂E/∂W‖ (log scale)</source>
        <translation>층별 기울기 크기 ‖∂E/∂W‖ (로그 눈금)</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>‖∂E/∂W‖</source>
        <translation>‖∂E/∂W‖</translation>
    </message>
    <message>
        <source>Update size relative to the weights ‖ΔW‖ / ‖W‖ (log scale)</source>
        <translation>가중치 대비 갱신 크기 ‖ΔW‖ / ‖W‖ (로그 눈금)</translation>
    </message>
    <message>
        <source>‖ΔW‖ / ‖W‖</source>
        <translation>‖ΔW‖ / ‖W‖</translation>
    </message>
    <message>
        <source>Inactive units over the recent batches</source>
        <translation>최근 배치 동안 비활성인 뉴런</translation>
    </message>
    <message>
        <source>inactive %</source>
        <translation>비활성 %</translation>
    </message>
    <message>
        <source>Weights now and at the start</source>
        <translation>지금과 처음의 가중치</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>가중치 개수</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>가중치 값</translation>
    </message>
    <message>
        <source>at the start</source>
        <translation>처음</translation>
    </message>
    <message>
        <source>now</source>
        <translation>지금</translation>
    </message>
    <message>
        <source>The layer whose weights the histogram shows</source>
        <translation>히스토그램에 가중치를 보여 줄 층</translation>
    </message>
    <message>
        <source>Histogram of layer:</source>
        <translation>히스토그램 층:</translation>
    </message>
    <message>
        <source>&lt;b&gt;How each layer learns&lt;/b&gt;&lt;p&gt;Every step changes the weights by W ← W − η·∂E/∂W. Top: the size of each layer&apos;s gradient ‖∂E/∂W‖ on a log scale; when the first layer&apos;s is orders of magnitude below the last one&apos;s (sigmoid with tiny initial weights), the early layers hardly learn: the vanishing gradient. Middle: how far each step moves a layer&apos;s weights, relative to their size (about 0.001 is healthy). Below: the share of units that stayed inactive (ReLU at 0, sigmoid or tanh saturated) over the recent batches, and a histogram of one layer&apos;s weights now against at the start.&lt;/p&gt;</source>
        <translation>&lt;b&gt;층마다 어떻게 학습하나&lt;/b&gt;&lt;p&gt;스텝마다 가중치가 W ← W − η·∂E/∂W 로 바뀝니다. 위: 각 층의 기울기 크기 ‖∂E/∂W‖ (로그 눈금). 첫 층의 기울기가 마지막 층보다 몇 자릿수나 작으면 (아주 작은 초기 가중치의 시그모이드) 앞쪽 층은 거의 학습하지 못합니다: 기울기 소실입니다. 가운데: 스텝 하나가 층의 가중치를 그 크기에 비해 얼마나 움직이는지 (0.001 안팎이 적당합니다). 아래: 최근 배치 동안 계속 비활성이던 뉴런의 비율 (ReLU는 0, 시그모이드와 tanh는 포화)과, 한 층의 가중치를 처음과 견준 히스토그램.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No training yet.</source>
        <translation>아직 학습하지 않았습니다.</translation>
    </message>
    <message>
        <source>layer %1 (%2→%3)</source>
        <translation>%1층 (%2→%3)</translation>
    </message>
    <message>
        <source>No per-step statistics in this run (they were switched off, or the run was opened from a file).</source>
        <translation>이 실행에는 미니배치별 통계가 없습니다 (꺼져 있었거나 파일에서 연 실행입니다).</translation>
    </message>
    <message>
        <source>Latest steps: layer 1&apos;s gradient is %1× the last layer&apos;s.</source>
        <translation>최근 스텝: 1층의 기울기는 마지막 층의 %1배입니다.</translation>
    </message>
</context>
<context>
    <name>Edit</name>
    <message>
        <source>layer %1 does not exist: the network&apos;s hidden layers are 1 to %2</source>
        <translation>%1번 층은 없습니다: 이 네트워크의 은닉층은 1부터 %2까지입니다</translation>
    </message>
    <message>
        <source>layer %1 does not exist: the network&apos;s layers are 1 to %2</source>
        <translation>%1번 층은 없습니다: 이 네트워크의 층은 1부터 %2까지입니다</translation>
    </message>
    <message>
        <source>layer %1 has units 0 to %2, not %3</source>
        <translation>%1번 층의 뉴런은 0부터 %2까지입니다 (%3번은 없습니다)</translation>
    </message>
    <message>
        <source>the noise level must be zero or more, got %1</source>
        <translation>잡음 크기는 0 이상이어야 합니다. 받은 값: %1</translation>
    </message>
    <message>
        <source>the share of weights to prune is a percentage from 0 to 100, got %1</source>
        <translation>가지치기할 가중치의 비율은 0부터 100까지의 백분율이어야 합니다. 받은 값: %1</translation>
    </message>
    <message>
        <source>unknown edit %1; choose from %2</source>
        <translation>알 수 없는 편집 %1입니다. 다음 중에서 고르세요: %2</translation>
    </message>
</context>
<context>
    <name>EditView</name>
    <message>
        <source>Training paused: edits are made on a network that stands still. Press Space to train the edited one.</source>
        <translation>학습을 멈췄습니다: 편집은 멈춰 있는 네트워크에서 합니다. Space를 누르면 편집한 네트워크를 학습합니다.</translation>
    </message>
    <message>
        <source>Training went on from the edited network: the edits made before are part of it now and can no longer be undone.</source>
        <translation>편집한 네트워크에서 학습을 이어 갔습니다: 앞서 한 편집은 이제 네트워크의 일부이므로 더는 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>Switch off</source>
        <translation>끄기</translation>
    </message>
    <message>
        <source>Zero the neuron&apos;s outgoing weights: the next layer no longer hears it</source>
        <translation>이 뉴런에서 나가는 가중치를 0으로 만듭니다: 다음 층이 더는 이 뉴런을 듣지 못합니다</translation>
    </message>
    <message>
        <source>Scale incoming weights</source>
        <translation>들어오는 가중치 배율</translation>
    </message>
    <message>
        <source>Shift bias</source>
        <translation>편향 이동</translation>
    </message>
    <message>
        <source>Standard deviation of the noise, as a multiple of each layer&apos;s weight spread</source>
        <translation>잡음의 표준편차 (각 층 가중치 퍼짐의 배수)</translation>
    </message>
    <message>
        <source>Add noise to all weights</source>
        <translation>모든 가중치에 잡음 더하기</translation>
    </message>
    <message>
        <source>Prune the smallest weights</source>
        <translation>가장 작은 가중치 가지치기</translation>
    </message>
    <message>
        <source>Set the given share of the layer&apos;s weights, the smallest in size, to zero</source>
        <translation>층의 가중치 중 크기가 가장 작은 것부터 지정한 비율만큼 0으로 만듭니다</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <source>Reset edits</source>
        <translation>편집 모두 취소</translation>
    </message>
    <message>
        <source>Back to the network before any edit (Redo brings the edits back)</source>
        <translation>편집하기 전의 네트워크로 돌아갑니다 (다시 실행으로 편집을 되살릴 수 있음)</translation>
    </message>
    <message>
        <source>Save edited network...</source>
        <translation>편집한 네트워크 저장...</translation>
    </message>
    <message>
        <source>the network as trained</source>
        <translation>학습된 그대로의 네트워크</translation>
    </message>
    <message>
        <source>factor</source>
        <translation>배율</translation>
    </message>
    <message>
        <source>by</source>
        <translation>이동량</translation>
    </message>
    <message>
        <source>of layer</source>
        <translation>층:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Editing the network by hand&lt;/b&gt;&lt;p&gt;Change the trained weights and biases yourself and see the test accuracy at once: switch a neuron off, scale the weights into it, shift its bias b, add noise to every weight, or prune a layer&apos;s smallest weights. Each edit can be undone until the network trains on; Space trains the edited network on from there, and the curves mark where it was edited.&lt;/p&gt;</source>
        <translation>&lt;b&gt;네트워크 직접 편집하기&lt;/b&gt;&lt;p&gt;학습된 가중치와 편향을 직접 바꾸고 테스트 정확도를 바로 확인하세요: 뉴런 끄기, 뉴런으로 들어오는 가중치의 배율 바꾸기, 편향 b 이동, 모든 가중치에 잡음 더하기, 층에서 가장 작은 가중치 가지치기를 할 수 있습니다. 네트워크가 다시 학습하기 전까지는 편집을 하나씩 되돌릴 수 있습니다. Space를 누르면 편집한 네트워크를 거기서부터 이어 학습하고, 곡선에는 편집한 지점이 표시됩니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>test accuracy: failed (%1)</source>
        <translation>테스트 정확도: 실패 (%1)</translation>
    </message>
    <message>
        <source>test accuracy: computing...</source>
        <translation>테스트 정확도: 계산 중...</translation>
    </message>
    <message>
        <source>test accuracy after 1 edit: &lt;b&gt;%2%&lt;/b&gt; (before: %3%, %4 points)</source>
        <translation>편집 1개 후 테스트 정확도: &lt;b&gt;%2%&lt;/b&gt; (편집 전: %3%, %4%p)</translation>
    </message>
    <message>
        <source>test accuracy after %1 edits: &lt;b&gt;%2%&lt;/b&gt; (before: %3%, %4 points)</source>
        <translation>편집 %1개 후 테스트 정확도: &lt;b&gt;%2%&lt;/b&gt; (편집 전: %3%, %4%p)</translation>
    </message>
    <message>
        <source>test accuracy: &lt;b&gt;%1%&lt;/b&gt; (no edits)</source>
        <translation>테스트 정확도: &lt;b&gt;%1%&lt;/b&gt; (편집 없음)</translation>
    </message>
    <message>
        <source>there is no network to save</source>
        <translation>저장할 네트워크가 없습니다</translation>
    </message>
    <message>
        <source>saved to %1</source>
        <translation>%1에 저장했습니다</translation>
    </message>
    <message>
        <source>Save the edited network</source>
        <translation>편집한 네트워크 저장</translation>
    </message>
    <message>
        <source>Models (*.npz)</source>
        <translation>모델 (*.npz)</translation>
    </message>
    <message>
        <source>not saved: %1</source>
        <translation>저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>neuron: hidden layer %1, unit %2</source>
        <translation>뉴런: 은닉층 %1, %2번 뉴런</translation>
    </message>
    <message>
        <source>neuron: none selected (click one in the diagram)</source>
        <translation>뉴런: 선택 안 됨 (다이어그램에서 하나를 클릭하세요)</translation>
    </message>
</context>
<context>
    <name>EvaluateView</name>
    <message>
        <source>noise</source>
        <translation>잡음</translation>
    </message>
    <message>
        <source>rotation</source>
        <translation>회전</translation>
    </message>
    <message>
        <source>shift</source>
        <translation>이동</translation>
    </message>
    <message>
        <source>thin</source>
        <translation>가늘게</translation>
    </message>
    <message>
        <source>thick</source>
        <translation>굵게</translation>
    </message>
    <message>
        <source>occlusion</source>
        <translation>가림</translation>
    </message>
    <message>
        <source>degrees</source>
        <translation>회전 각도(°)</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>픽셀</translation>
    </message>
    <message>
        <source>hidden layer %1 (%2 units)</source>
        <translation>은닉층 %1 (뉴런 %2개)</translation>
    </message>
    <message>
        <source>input pixels (%1)</source>
        <translation>입력층 픽셀 (%1)</translation>
    </message>
    <message>
        <source>output (%1 probabilities)</source>
        <translation>출력층 (확률 %1개)</translation>
    </message>
    <message>
        <source>The evaluation failed: %1</source>
        <translation>평가에 실패했습니다: %1</translation>
    </message>
    <message>
        <source>The robustness check failed: %1</source>
        <translation>강건성 검사에 실패했습니다: %1</translation>
    </message>
    <message>
        <source>The map failed: %1</source>
        <translation>분포도를 만들지 못했습니다: %1</translation>
    </message>
    <message>
        <source>The evaluation appears at the end of the first epoch, or at once for an opened network.</source>
        <translation>평가는 첫 에포크가 끝나면 나타납니다. 파일에서 연 네트워크는 바로 평가합니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Evaluate&lt;/b&gt;&lt;p&gt;Where the network fails, on the whole test set. The confusion matrix counts each true class (row) by the class the network read (column); click a cell to see its images, the most confident first. In the middle, a PCA map of a layer&apos;s representation and the accuracy when the network answers only above a confidence threshold; at the right, how the accuracy drops as the images are damaged. Click any image to make it the input of the other views.&lt;/p&gt;</source>
        <translation>&lt;b&gt;평가&lt;/b&gt;&lt;p&gt;테스트 데이터 전체에서 네트워크가 어디서 틀리는지 보여 줍니다. 혼동 행렬은 실제 클래스(행)마다 네트워크가 읽은 클래스(열)를 셉니다. 칸을 클릭하면 그 이미지들이 신뢰도가 높은 순으로 나옵니다. 가운데는 한 층의 표현을 주성분 분석 (PCA)으로 펼친 분포도와, 신뢰도가 문턱값 이상일 때만 답할 때의 정확도이고, 오른쪽은 이미지를 손상시킬수록 정확도가 얼마나 떨어지는지입니다. 어떤 이미지든 클릭하면 다른 화면의 입력이 됩니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Evaluating the network at step %1 on the test set…</source>
        <translation>스텝 %1의 네트워크를 테스트 데이터로 평가하는 중…</translation>
    </message>
    <message>
        <source>The greyed figures are of the network as it was at step %1: out of date.</source>
        <translation>회색으로 표시된 그림은 스텝 %1 시점의 네트워크이므로 최신이 아닙니다.</translation>
    </message>
    <message>
        <source>The network at step %1 cannot be evaluated: for %2 of the %3 test images its outputs are not finite numbers (NaN or infinity), as happens when training diverges.</source>
        <translation>스텝 %1의 네트워크는 평가할 수 없습니다: 테스트 이미지 %3장 중 %2장에서 출력이 유한한 수가 아닙니다(NaN 또는 무한대). 학습이 발산하면 이렇게 됩니다.</translation>
    </message>
    <message>
        <source>Test set, %1 images; the network at step %2: accuracy %3, %4 mistakes.</source>
        <translation>테스트 데이터 %1장, 스텝 %2의 네트워크: 정확도 %3, 오답 %4개.</translation>
    </message>
    <message>
        <source>Test set, %1 images; the network at step %2, the end of epoch %3: accuracy %4, %5 mistakes.</source>
        <translation>테스트 데이터 %1장, 스텝 %2(에포크 %3 끝)의 네트워크: 정확도 %4, 오답 %5개.</translation>
    </message>
    <message>
        <source>true digit</source>
        <translation>실제 숫자</translation>
    </message>
    <message>
        <source>read as</source>
        <translation>읽은 결과</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>noise std</source>
        <translation>잡음 표준편차</translation>
    </message>
    <message>
        <source>erosion steps</source>
        <translation>침식 횟수</translation>
    </message>
    <message>
        <source>dilation steps</source>
        <translation>팽창 횟수</translation>
    </message>
    <message>
        <source>square side (pixels)</source>
        <translation>가림 크기 (픽셀)</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>혼동 행렬</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>실제 클래스</translation>
    </message>
    <message>
        <source>Click a cell to see its images. Rows: the true digit; columns: the digit read. Colour: share of the row (blue: right, red: mistakes). At the right: accuracy of each digit.</source>
        <translation>칸을 클릭하면 그 이미지들이 나옵니다. 행: 실제 숫자, 열: 네트워크가 읽은 숫자. 색: 그 행에서 차지하는 비율 (파란색: 맞음, 빨간색: 틀림). 오른쪽: 숫자별 정확도.</translation>
    </message>
    <message>
        <source>Most confident mistakes</source>
        <translation>가장 확신한 오답</translation>
    </message>
    <message>
        <source>Every misread test image, the most confident first</source>
        <translation>잘못 읽은 테스트 이미지 전부, 신뢰도가 높은 순</translation>
    </message>
    <message>
        <source>Click an image to make it the input of every view</source>
        <translation>이미지를 클릭하면 모든 화면의 입력이 됩니다</translation>
    </message>
    <message>
        <source>Answer only when confident</source>
        <translation>확신할 때만 답하기</translation>
    </message>
    <message>
        <source>coverage: share of test images answered</source>
        <translation>응답률: 답한 테스트 이미지의 비율</translation>
    </message>
    <message>
        <source>Below this confidence the network says &quot;I don&apos;t know&quot;</source>
        <translation>신뢰도가 이보다 낮으면 네트워크는 &quot;모르겠다&quot;고 답합니다</translation>
    </message>
    <message>
        <source>Accuracy on damaged copies of the first %1 test images. Hover over a plot to see the damage at that level; click the preview to make it the input.</source>
        <translation>처음 %1장의 테스트 이미지를 손상시킨 사본에서의 정확도. 그래프 위에 마우스를 올리면 그 수준의 손상을 보여 주고, 미리보기를 클릭하면 그 이미지가 입력이 됩니다.</translation>
    </message>
    <message>
        <source>Hover over a robustness plot to see the damage.</source>
        <translation>강건성 그래프 위에 마우스를 올리면 손상된 이미지가 보입니다.</translation>
    </message>
    <message>
        <source>Which representation of the images to project to two dimensions (PCA)</source>
        <translation>어떤 층의 표현을 주성분 분석 (PCA)으로 2차원에 투영할지</translation>
    </message>
    <message>
        <source>A map of the hidden space (PCA)</source>
        <translation>은닉 공간의 분포도 (주성분 분석, PCA)</translation>
    </message>
    <message>
        <source>second component</source>
        <translation>제2 주성분</translation>
    </message>
    <message>
        <source>first component</source>
        <translation>제1 주성분</translation>
    </message>
    <message>
        <source>The first %1 test images, coloured by their true digit; x: misread. Hover to see an image, click to make it the input.</source>
        <translation>처음 %1장의 테스트 이미지, 실제 숫자별 색. ✕: 잘못 읽음. 마우스를 올리면 이미지가 보이고, 클릭하면 입력이 됩니다.</translation>
    </message>
    <message>
        <source>The first %1 test images, coloured by their true class; x: misread. Hover to see an image, click to make it the input.</source>
        <translation>처음 %1장의 테스트 이미지, 실제 클래스별 색. ✕: 잘못 읽음. 마우스를 올리면 이미지가 보이고, 클릭하면 입력이 됩니다.</translation>
    </message>
    <message>
        <source>misread</source>
        <translation>잘못 읽음</translation>
    </message>
    <message>
        <source>Map of</source>
        <translation>분포도:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Robustness&lt;/b&gt;: accuracy as the images are damaged</source>
        <translation>&lt;b&gt;강건성&lt;/b&gt;: 이미지가 손상될 때의 정확도</translation>
    </message>
    <message>
        <source>Mistakes</source>
        <translation>오답</translation>
    </message>
    <message>
        <source>Map and confidence</source>
        <translation>분포도와 확신도</translation>
    </message>
    <message>
        <source>Robustness</source>
        <translation>강건성</translation>
    </message>
    <message>
        <source>&lt;b&gt;Evaluate&lt;/b&gt;&lt;p&gt;Where the network fails, on the whole test set. The confusion matrix counts each true digit (row) by the digit the network read (column); click a cell to see its images, the most confident first. In the middle, a PCA map of a layer&apos;s representation and the accuracy when the network answers only above a confidence threshold; at the right, how the accuracy drops as the images are damaged. Click any image to make it the input of the other views.&lt;/p&gt;</source>
        <translation>&lt;b&gt;평가&lt;/b&gt;&lt;p&gt;테스트 데이터 전체에서 네트워크가 어디서 틀리는지 보여 줍니다. 혼동 행렬은 실제 숫자(행)마다 네트워크가 읽은 숫자(열)를 셉니다. 칸을 클릭하면 그 이미지들이 신뢰도가 높은 순으로 나옵니다. 가운데는 한 층의 표현을 주성분 분석 (PCA)으로 펼친 분포도와, 신뢰도가 문턱값 이상일 때만 답할 때의 정확도이고, 오른쪽은 이미지를 손상시킬수록 정확도가 얼마나 떨어지는지입니다. 어떤 이미지든 클릭하면 다른 화면의 입력이 됩니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Click a cell to see its images. Rows: the true class; columns: the class read. Colour: share of the row (blue: right, red: mistakes). At the right: accuracy of each class.</source>
        <translation>칸을 클릭하면 그 이미지들이 나옵니다. 행: 실제 클래스, 열: 네트워크가 읽은 클래스. 색: 그 행에서 차지하는 비율 (파란색: 맞음, 빨간색: 틀림). 오른쪽: 클래스별 정확도.</translation>
    </message>
    <message>
        <source>The most confident mistakes (%1 in all)</source>
        <translation>가장 확신한 오답 (모두 %1개)</translation>
    </message>
    <message>
        <source>%1s read as %2: %3 images, most confident first</source>
        <translation>%2(으)로 읽은 %1: 이미지 %3장, 신뢰도가 높은 순</translation>
    </message>
    <message>
        <source>Class %1 read as %2: %3 images, most confident first</source>
        <translation>%2(으)로 읽은 클래스 %1: 이미지 %3장, 신뢰도가 높은 순</translation>
    </message>
    <message>
        <source>%1s read right: %2 images, most confident first</source>
        <translation>맞게 읽은 %1: 이미지 %2장, 신뢰도가 높은 순</translation>
    </message>
    <message>
        <source>Class %1 read right: %2 images, most confident first</source>
        <translation>맞게 읽은 클래스 %1: 이미지 %2장, 신뢰도가 높은 순</translation>
    </message>
    <message>
        <source>%1; the first %2 shown</source>
        <translation>%1; 처음 %2장만 표시</translation>
    </message>
    <message>
        <source>Threshold %1: the network answers %2 of the test images and gets %3 of them right; it says &quot;I don&apos;t know&quot; to %4.</source>
        <translation>문턱값 %1: 네트워크는 테스트 이미지의 %2에 답하고 그중 %3를 맞힙니다. %4장에는 &quot;모르겠다&quot;고 답합니다.</translation>
    </message>
    <message>
        <source>Threshold %1: the network answers none of the test images; it says &quot;I don&apos;t know&quot; to %2.</source>
        <translation>문턱값 %1: 네트워크는 어떤 테스트 이미지에도 답하지 않고, %2장 모두에 &quot;모르겠다&quot;고 답합니다.</translation>
    </message>
    <message>
        <source>the input</source>
        <translation>현재 입력</translation>
    </message>
    <message>
        <source>Test image %1</source>
        <translation>테스트 이미지 %1</translation>
    </message>
    <message>
        <source>%1, %2 %3</source>
        <translation>%1, %2 %3</translation>
    </message>
    <message>
        <source>%1 %2 (%3): accuracy %4 at this level. Click the image to use it.</source>
        <translation>%1 %2 (%3): 이 수준에서 정확도 %4. 이미지를 클릭하면 입력으로 씁니다.</translation>
    </message>
    <message>
        <source>%1 %2 (%3). Click the image to use it.</source>
        <translation>%1 %2 (%3). 이미지를 클릭하면 입력으로 씁니다.</translation>
    </message>
    <message>
        <source>PCA: %1 of the variance shown</source>
        <translation>주성분 분석: 분산의 %1 표시</translation>
    </message>
    <message>
        <source>Test image %1: label %2, read as %3 (%4)</source>
        <translation>테스트 이미지 %1: 정답 %2, 네트워크의 답 %3 (%4)</translation>
    </message>
    <message>
        <source>%1. Click to make it the input.</source>
        <translation>%1. 클릭하면 입력이 됩니다.</translation>
    </message>
</context>
<context>
    <name>ExperimentRunner</name>
    <message>
        <source>Run an experiment</source>
        <translation>실험 실행</translation>
    </message>
    <message>
        <source>Cannot use these settings</source>
        <translation>이 설정은 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>Experiment run %1 of %2: %3</source>
        <translation>실험 실행 %2개 중 %1번째: %3</translation>
    </message>
    <message>
        <source>Experiment done. The network now shown is its last run, %1.</source>
        <translation>실험이 끝났습니다. 지금 보이는 네트워크는 마지막 실행인 %1입니다.</translation>
    </message>
    <message>
        <source>It makes the course notebook&apos;s mistake on purpose: %1. Reset (Ctrl+R) starts a correct network from the settings shown.</source>
        <translation>이 네트워크는 강의 노트북의 실수를 일부러 재현합니다: %1. 초기화(Ctrl+R)를 누르면 지금 보이는 설정으로 올바른 네트워크를 새로 시작합니다.</translation>
    </message>
    <message>
        <source>Reset (Ctrl+R) starts a network of your own from the settings shown.</source>
        <translation>초기화(Ctrl+R)를 누르면 지금 보이는 설정으로 나만의 네트워크를 새로 시작합니다.</translation>
    </message>
</context>
<context>
    <name>Experiments</name>
    <message>
        <source>The course&apos;s network and the notebook&apos;s two update mistakes</source>
        <translation>강의의 네트워크와 노트북의 두 가지 갱신 실수</translation>
    </message>
    <message>
        <source>as intended</source>
        <translation>올바른 갱신</translation>
    </message>
    <message>
        <source>W1 - lr*W1</source>
        <translation>W1 - lr*W1</translation>
    </message>
    <message>
        <source>db1 from dz1</source>
        <translation>dz1로 구한 db1</translation>
    </message>
    <message>
        <source>its first layer is updated by W1 - lr*W1, its own weights instead of their gradient, so it learns nothing</source>
        <translation>첫 번째 층을 기울기가 아니라 자기 가중치로 W1 - lr*W1처럼 갱신하므로 아무것도 배우지 못합니다</translation>
    </message>
    <message>
        <source>its first biases&apos; gradient db1 is summed from dz1 instead of da1, before the sigmoid&apos;s derivative</source>
        <translation>첫 번째 층 편향의 기울기 db1을 da1이 아니라, 시그모이드의 도함수를 곱하기 전인 dz1에서 합산합니다</translation>
    </message>
    <message>
        <source>The network as intended reaches about 79% test accuracy after its first epoch and 88% after its second. With W1 updated by W1 - lr*W1, the first layer&apos;s weights shrink by a tenth every step whatever the images, so within a few hundred steps every image looks the same to the network: the loss stays at 2.30 and it gives every image the same answer, so its accuracy is that digit&apos;s share of the test set, about 10% (11.35% when the digit is 1, the commonest). The db1 mistake (summing dz1 instead of da1) gives the first biases a wrong gradient, yet its curves lie on top of the correct run&apos;s, within a tenth of a point of accuracy: 50 biases matter little next to 784 x 50 weights.</source>
        <translation>올바르게 갱신하는 네트워크는 첫 에포크 후 테스트 정확도가 약 79%, 두 번째 에포크 후 88%에 이릅니다. W1을 W1 - lr*W1로 갱신하면 이미지와 상관없이 스텝마다 첫 번째 층의 가중치가 10분의 1씩 줄어들어, 수백 스텝 안에 네트워크에게는 모든 이미지가 똑같아 보이게 됩니다. 손실은 2.30에 머물고 모든 이미지에 같은 답을 내므로, 정확도는 테스트 데이터에서 그 숫자가 차지하는 비율인 약 10%가 됩니다(가장 흔한 숫자인 1이면 11.35%). db1 실수(da1 대신 dz1을 합산)는 첫 번째 층의 편향에 틀린 기울기를 주지만, 그 곡선은 올바른 실행의 곡선과 겹치고 정확도 차이도 0.1%p 이내입니다. 784 x 50개의 가중치에 비하면 편향 50개는 별로 중요하지 않기 때문입니다.</translation>
    </message>
    <message>
        <source>mistake: W1 - lr*W1</source>
        <translation>실수: W1 - lr*W1</translation>
    </message>
    <message>
        <source>mistake: db1 from dz1</source>
        <translation>실수: dz1로 구한 db1</translation>
    </message>
    <message>
        <source>Mean squared error against cross-entropy</source>
        <translation>평균 제곱 오차와 교차 엔트로피 비교</translation>
    </message>
    <message>
        <source>At the same learning rate of 0.1, cross-entropy reaches about 79% test accuracy after the first epoch and 88% after the second, while mean squared error stays near 11-16% for the first two: the squared error&apos;s gradient at the output is damped by the softmax&apos;s slope, smallest exactly when the network is confidently wrong, whereas cross-entropy&apos;s is simply p - t.</source>
        <translation>같은 학습률 0.1에서 교차 엔트로피는 첫 에포크 후 테스트 정확도 약 79%, 두 번째 에포크 후 88%에 이르지만, 평균 제곱 오차는 처음 두 에포크 동안 11-16% 근처에 머뭅니다. 제곱 오차의 출력층 기울기는 소프트맥스의 기울기가 곱해져 약해지는데, 이 값은 네트워크가 확신하며 틀릴 때 가장 작습니다. 반면 교차 엔트로피의 기울기는 간단히 p - t입니다.</translation>
    </message>
    <message>
        <source>Five hidden layers of 100 units, He initialisation for both. Each sigmoid layer passes back at most a quarter of the gradient it receives, so the gradient reaching the first layer is about a hundredth of the last layer&apos;s: the sigmoid network&apos;s loss stays at 2.30 (about 10% accuracy) for its first two epochs, while the ReLU network passes 90% in its first.</source>
        <translation>두 네트워크 모두 뉴런 100개짜리 은닉층 다섯 개에 He 초기화를 씁니다. 시그모이드 층은 받은 기울기를 많아야 4분의 1만 뒤로 전달하므로, 첫 번째 층에 닿는 기울기는 마지막 층의 약 100분의 1입니다. 시그모이드 네트워크의 손실은 처음 두 에포크 동안 2.30(정확도 약 10%)에 머물지만, ReLU 네트워크는 첫 에포크에 90%를 넘습니다.</translation>
    </message>
    <message>
        <source>sigmoid, 5 layers</source>
        <translation>시그모이드, 5층</translation>
    </message>
    <message>
        <source>ReLU, 5 layers</source>
        <translation>ReLU, 5층</translation>
    </message>
    <message>
        <source>With a standard deviation of 1, each first-layer unit sums 784 large random terms, so most sigmoids start saturated near 0 or 1, where their slope is almost zero, and the outputs are confidently wrong: the loss starts near 7, far above the 2.30 of guessing, and the run stays behind the others (about 76% after two epochs, against 88% for 0.01 and 91% for He, which scales the spread to the number of inputs: N(0, 2/784)).</source>
        <translation>표준편차가 1이면 첫 번째 층의 뉴런마다 큰 무작위 항 784개를 더하므로, 대부분의 시그모이드가 기울기가 거의 0인 0이나 1 근처에서 포화된 채 출발하고, 출력은 확신에 차서 틀립니다. 손실은 무작위로 찍을 때의 2.30보다 훨씬 높은 7 근처에서 시작하고, 이 실행은 계속 다른 실행보다 뒤처집니다(두 에포크 후 약 76%. 0.01은 88%, 입력 수에 맞춰 퍼짐을 조절하는 He, 즉 N(0, 2/784)는 91%).</translation>
    </message>
    <message>
        <source>init N(0, 0.01²)</source>
        <translation>N(0, 0.01²) 초기화</translation>
    </message>
    <message>
        <source>init N(0, 1)</source>
        <translation>N(0, 1) 초기화</translation>
    </message>
    <message>
        <source>init He</source>
        <translation>He 초기화</translation>
    </message>
    <message>
        <source>Learning rate 10, 1, 0.1 and 0.001</source>
        <translation>학습률 10, 1, 0.1, 0.001</translation>
    </message>
    <message>
        <source>At 10 each step overshoots: the loss leaps to nearly 10 on the second step, and after an epoch it is still above the 2.30 of guessing, at about 10% accuracy. 1 learns faster than the course&apos;s 0.1 for this small sigmoid network: about 93% after one epoch, against 79%. At 0.001 each step is too small: the loss stays at 2.30 for the first epochs and the network answers 1 for everything (11.35%).</source>
        <translation>학습률 10에서는 스텝마다 너무 멀리 가서 최솟값을 지나칩니다. 손실이 두 번째 스텝에서 10 가까이 치솟고, 한 에포크가 지나도 무작위로 찍을 때의 2.30보다 높으며 정확도는 약 10%입니다. 이 작은 시그모이드 네트워크에서는 1이 강의의 0.1보다 빨리 배웁니다: 한 에포크 후 약 93%로, 0.1의 79%보다 높습니다. 0.001에서는 스텝이 너무 작아서, 처음 몇 에포크 동안 손실이 2.30에 머물고 네트워크는 모든 이미지에 1이라고 답합니다(11.35%).</translation>
    </message>
    <message>
        <source>learning rate 10</source>
        <translation>학습률 10</translation>
    </message>
    <message>
        <source>learning rate 1</source>
        <translation>학습률 1</translation>
    </message>
    <message>
        <source>learning rate 0.1</source>
        <translation>학습률 0.1</translation>
    </message>
    <message>
        <source>learning rate 0.001</source>
        <translation>학습률 0.001</translation>
    </message>
    <message>
        <source>The course&apos;s Keras model has the same 784-50-10 shape but starts from Glorot-uniform weights and trains with Adam on batches of 32: 1,875 steps per epoch against 600 for SGD on batches of 100, each step scaled weight by weight. After one epoch it reaches about 93% test accuracy, plain SGD about 79%.</source>
        <translation>강의의 Keras 모델은 784-50-10으로 모양은 같지만, Glorot 균등분포 가중치에서 출발해 배치 32로 Adam을 써서 학습합니다. 배치 100의 SGD가 에포크당 600스텝인 데 비해 1,875스텝이고, 스텝마다 가중치별로 보폭을 조절합니다. 한 에포크 후 테스트 정확도는 약 93%, 기본 SGD는 약 79%입니다.</translation>
    </message>
    <message>
        <source>Both runs take batches of 10 at a learning rate of 0.5; watch the train and test accuracy of each. On 1,000 images the train accuracy passes 99% within 20 epochs (2,000 steps) while the test accuracy stops near 87%: the gap of more than ten points between the two curves is overfitting, the network learning its 1,000 images by heart instead of learning digits. On 60,000 images the two stay within a point of each other (about 95% after the first epoch): what it learns from so many images holds for new ones too.</source>
        <translation>두 실행 모두 학습률 0.5에서 배치 10으로 학습합니다. 각 실행의 학습 정확도와 테스트 정확도를 지켜보세요. 이미지 1,000장에서는 학습 정확도가 20 에포크(2,000스텝) 안에 99%를 넘지만 테스트 정확도는 87% 근처에서 멈춥니다. 두 곡선 사이의 10%p가 넘는 차이가 과대적합으로, 네트워크가 숫자를 배우는 대신 이미지 1,000장을 외워 버린 것입니다. 이미지 60,000장에서는 두 정확도가 1%p 이내로 붙어 있습니다(첫 에포크 후 약 95%). 이렇게 많은 이미지에서 배운 것은 새 이미지에도 통합니다.</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>교차 엔트로피</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation>평균 제곱 오차</translation>
    </message>
    <message>
        <source>Sigmoid against ReLU in a deep network</source>
        <translation>깊은 네트워크에서 시그모이드와 ReLU 비교</translation>
    </message>
    <message>
        <source>Initial weights: N(0, 0.01²), N(0, 1) and He</source>
        <translation>초기 가중치: N(0, 0.01²), N(0, 1), He</translation>
    </message>
    <message>
        <source>The Keras model (Adam, batch 32) against plain SGD</source>
        <translation>Keras 모델(Adam, 배치 32)과 기본 SGD 비교</translation>
    </message>
    <message>
        <source>Keras: Adam, batch 32</source>
        <translation>Keras: Adam, 배치 32</translation>
    </message>
    <message>
        <source>plain SGD, batch 100</source>
        <translation>기본 SGD, 배치 100</translation>
    </message>
    <message>
        <source>1,000 training images against 60,000</source>
        <translation>학습 이미지 1,000장과 60,000장 비교</translation>
    </message>
    <message>
        <source>1,000 images</source>
        <translation>이미지 1,000장</translation>
    </message>
    <message>
        <source>60,000 images</source>
        <translation>이미지 60,000장</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>What to watch: %1</source>
        <translation>무엇을 지켜볼까: %1</translation>
    </message>
    <message>
        <source>Runs, one after another: %1</source>
        <translation>차례로 실행할 학습: %1</translation>
    </message>
    <message>
        <source>Course experiments</source>
        <translation>강의 실험</translation>
    </message>
    <message>
        <source>Runs: %1</source>
        <translation>실행: %1</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Training curves</source>
        <translation>학습 곡선</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>가중치</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>활성화 값</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>타임라인</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>scale</source>
        <translation>배율</translation>
    </message>
    <message>
        <source>the image could not be saved there</source>
        <translation>그 위치에 이미지를 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>Choose a plot in the list to export its data as CSV.</source>
        <translation>데이터를 CSV로 내보낼 그래프를 목록에서 고르세요.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Save this plot as a PNG (1×, 2× or 3× its size), an SVG or, for a plot, its data as CSV</source>
        <translation>이 그래프를 PNG(원래 크기의 1×, 2×, 3×)나 SVG로 저장하거나, 그래프의 데이터를 CSV로 저장합니다</translation>
    </message>
    <message>
        <source>mlpviz figures</source>
        <translation>mlpviz 그림</translation>
    </message>
    <message>
        <source>Each view as it was shown on %1, saved at %2× its size on screen.</source>
        <translation>%1에 표시된 그대로의 각 화면을 화면 크기의 %2×로 저장했습니다.</translation>
    </message>
    <message>
        <source>Export figures</source>
        <translation>그림 내보내기</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <source>Each view&apos;s size on screen times this: 2× suits slides</source>
        <translation>각 화면의 화면상 크기에 곱하는 배율: 슬라이드에는 2×가 알맞습니다</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>폴더:</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>배율:</translation>
    </message>
    <message>
        <source>Folder for the figures</source>
        <translation>그림을 저장할 폴더</translation>
    </message>
    <message>
        <source>Cannot write into %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 already holds %2 of these files: %3. Replace them?</source>
        <translation>%1에 이 파일 중 %2개가 이미 있습니다: %3. 덮어쓸까요?</translation>
    </message>
    <message>
        <source>Drawing the views…</source>
        <translation>화면을 그리는 중…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Drawing %1…</source>
        <translation>%1 그리는 중…</translation>
    </message>
    <message>
        <source>Saved the figures and %1 in %2</source>
        <translation>그림과 %1을(를) %2에 저장했습니다</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>background</source>
        <translation>배경</translation>
    </message>
</context>
<context>
    <name>GuessQuestion</name>
    <message>
        <source>▲ up</source>
        <translation>▲ 상승</translation>
    </message>
    <message>
        <source>▼ down</source>
        <translation>▼ 하락</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>답하기</translation>
    </message>
    <message>
        <source>by about</source>
        <translation>약</translation>
    </message>
    <message>
        <source>up</source>
        <translation>상승</translation>
    </message>
    <message>
        <source>down</source>
        <translation>하락</translation>
    </message>
    <message>
        <source>nowhere</source>
        <translation>변화 없음</translation>
    </message>
    <message>
        <source>It went &lt;b&gt;%1 by %2&lt;/b&gt;.</source>
        <translation>실제: &lt;b&gt;%2 %1&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>You said %1 by about %2. </source>
        <translation>내 예상: 약 %2 %1. </translation>
    </message>
    <message>
        <source>Right direction; off by %1.</source>
        <translation>방향은 맞았습니다. 차이는 %1입니다.</translation>
    </message>
    <message>
        <source>The other way.</source>
        <translation>방향이 반대입니다.</translation>
    </message>
</context>
<context>
    <name>HelpButton</name>
    <message>
        <source>What is this? (Shift+F1, then click anything)</source>
        <translation>이것은 무엇인가요? (Shift+F1을 누르고 아무것이나 클릭)</translation>
    </message>
</context>
<context>
    <name>Hints</name>
    <message>
        <source>The learning rate looks too high</source>
        <translation>학습률이 너무 높아 보입니다</translation>
    </message>
    <message>
        <source>%1 Steps this large overshoot the minimum. Lower the learning rate to %2 and start again.</source>
        <translation>%1 이렇게 큰 보폭은 최솟값을 지나쳐 버립니다. 학습률을 %2(으)로 낮추고 다시 시작하세요.</translation>
    </message>
    <message>
        <source>The loss is no longer a finite number.</source>
        <translation>손실이 더는 유한한 수가 아닙니다.</translation>
    </message>
    <message>
        <source>The loss (%1) is worse than guessing (%2).</source>
        <translation>손실(%1)이 무작위로 찍을 때(%2)보다 나쁩니다.</translation>
    </message>
    <message>
        <source>The loss jumps up and down by more than half its size.</source>
        <translation>손실이 자기 크기의 절반이 넘게 오르내립니다.</translation>
    </message>
    <message>
        <source>The loss rose from %1 to %2.</source>
        <translation>손실이 %1에서 %2(으)로 올랐습니다.</translation>
    </message>
    <message>
        <source>The learning rate looks too low</source>
        <translation>학습률이 너무 낮아 보입니다</translation>
    </message>
    <message>
        <source>After %1 steps the loss has barely moved (%2 to %3). Raise the learning rate to %4; the run can go on.</source>
        <translation>%1스텝이 지났는데도 손실이 거의 움직이지 않았습니다(%2에서 %3). 학습률을 %4(으)로 올리세요. 학습은 그대로 이어 갈 수 있습니다.</translation>
    </message>
    <message>
        <source>train on images moved by up to 2 pixels and start again</source>
        <translation>이미지를 최대 2픽셀까지 이동시켜 학습하도록 바꾸고 다시 시작하세요</translation>
    </message>
    <message>
        <source>set weight decay to %1 and start again</source>
        <translation>가중치 감쇠를 %1(으)로 정하고 다시 시작하세요</translation>
    </message>
    <message>
        <source>The network is memorising its training images</source>
        <translation>네트워크가 학습 이미지를 외우고 있습니다(과대적합)</translation>
    </message>
    <message>
        <source>Train accuracy is %1 points above test accuracy and the gap keeps growing. More training images help most; otherwise %2.</source>
        <translation>학습 정확도가 테스트 정확도보다 %1%p 높고 그 차이가 계속 벌어집니다. 학습 이미지를 늘리는 것이 가장 효과적이며, 그럴 수 없다면 %2.</translation>
    </message>
    <message>
        <source>Many ReLU units have died</source>
        <translation>죽은 ReLU 뉴런이 많습니다</translation>
    </message>
    <message>
        <source>%1% of hidden layer %2&apos;s units output zero for every image, so they no longer learn. Leaky ReLU keeps a small slope below zero; switch to it and start again.</source>
        <translation>은닉층 %2의 뉴런 중 %1%가 모든 이미지에 0을 출력해 더는 배우지 못합니다. Leaky ReLU는 0 아래에서도 작은 기울기를 유지합니다. Leaky ReLU로 바꾸고 다시 시작하세요.</translation>
    </message>
    <message>
        <source>Many sigmoid units are saturated</source>
        <translation>포화된 시그모이드 뉴런이 많습니다</translation>
    </message>
    <message>
        <source>Many tanh units are saturated</source>
        <translation>포화된 tanh 뉴런이 많습니다</translation>
    </message>
    <message>
        <source>%1% of hidden layer %2&apos;s units sit on a flat end of the curve for every image, where the gradient is almost zero. Glorot (Xavier) initialisation starts them in the middle; switch to it and start again.</source>
        <translation>은닉층 %2의 뉴런 중 %1%가 모든 이미지에서 곡선의 평평한 끝에 머물러 기울기가 거의 0입니다. Glorot (Xavier) 초기화는 뉴런을 곡선의 가운데에서 출발시킵니다. 이 초기화로 바꾸고 다시 시작하세요.</translation>
    </message>
    <message>
        <source>The gradient vanishes before the first layer</source>
        <translation>기울기가 첫 번째 층에 닿기 전에 사라집니다</translation>
    </message>
    <message>
        <source>The first layer&apos;s gradient is %1 times the last layer&apos;s, so the early layers hardly learn. ReLU with He initialisation passes the gradient back undiminished; switch to it and start again.</source>
        <translation>첫 번째 층의 기울기가 마지막 층의 %1배밖에 되지 않아 앞쪽 층들이 거의 배우지 못합니다. He 초기화를 쓴 ReLU는 기울기를 줄이지 않고 역전파합니다. 이것으로 바꾸고 다시 시작하세요.</translation>
    </message>
    <message>
        <source>Dropping %1% of the hidden units at random makes each step&apos;s network weaker and its loss noisier.</source>
        <translation>은닉층 뉴런의 %1%를 무작위로 빼면 스텝마다의 네트워크가 약해지고 손실이 더 들쭉날쭉해집니다.</translation>
    </message>
    <message>
        <source>Images moved by up to %1 pixels are harder to recognise than the ones the network had learned.</source>
        <translation>최대 %1픽셀까지 이동한 이미지는 네트워크가 지금까지 배운 이미지보다 알아보기 어렵습니다.</translation>
    </message>
    <message>
        <source>A stronger pull of every weight towards zero holds the network back from fitting its images.</source>
        <translation>모든 가중치를 0 쪽으로 더 세게 당기면 네트워크가 학습 이미지에 맞춰지기 어려워집니다.</translation>
    </message>
    <message>
        <source>A smaller batch makes each step&apos;s loss noisier.</source>
        <translation>배치가 작을수록 스텝마다의 손실이 더 들쭉날쭉해집니다.</translation>
    </message>
    <message>
        <source>More momentum carries each step further along the last ones, as a higher learning rate would.</source>
        <translation>모멘텀이 크면 학습률을 높인 것처럼 각 스텝이 앞선 스텝들의 방향으로 더 멀리 나아갑니다.</translation>
    </message>
    <message>
        <source>The network trains differently from that step on.</source>
        <translation>그 스텝부터 네트워크가 다르게 학습합니다.</translation>
    </message>
    <message>
        <source>The loss rose after the weights were edited at step %1</source>
        <translation>스텝 %1에서 가중치를 편집한 뒤 손실이 올랐습니다</translation>
    </message>
    <message>
        <source>The edit changed weights the network had learned; training on wins back what it can.</source>
        <translation>편집으로 네트워크가 배운 가중치가 바뀌었습니다. 학습을 계속하면 되찾을 수 있는 만큼 되찾습니다.</translation>
    </message>
    <message>
        <source>It should settle as training goes on.</source>
        <translation>학습을 계속하면 가라앉을 것입니다.</translation>
    </message>
    <message>
        <source>It should settle as training goes on; if it does not, set %1 back to %2.</source>
        <translation>학습을 계속하면 가라앉을 것입니다. 그렇지 않으면 %1을(를) 다시 %2(으)로 되돌리세요.</translation>
    </message>
    <message>
        <source>It should settle as training goes on; if it does not, set %1 to %2.</source>
        <translation>학습을 계속하면 가라앉을 것입니다. 그렇지 않으면 %1을(를) %2(으)로 정하세요.</translation>
    </message>
    <message>
        <source>The loss rose after %1 was set to %2 at step %3</source>
        <translation>스텝 %3에서 %1을(를) %2(으)로 바꾼 뒤 손실이 올랐습니다</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>HintsBar</name>
    <message>
        <source>Dismiss this hint</source>
        <translation>이 도움말 닫기</translation>
    </message>
    <message>
        <source>Set %1 and start again</source>
        <translation>%1(으)로 바꾸고 다시 시작</translation>
    </message>
    <message>
        <source>Set %1</source>
        <translation>%1(으)로 바꾸기</translation>
    </message>
</context>
<context>
    <name>Image</name>
    <message>
        <source>the image is empty: it has no ink</source>
        <translation>이미지가 비어 있습니다: 그려진 것이 없습니다</translation>
    </message>
    <message>
        <source>the drawing is empty: it has no strokes</source>
        <translation>그림이 비어 있습니다: 획이 없습니다</translation>
    </message>
</context>
<context>
    <name>InputView</name>
    <message>
        <source>The image the network actually receives: the strokes fitted into a 20x20 box, drawn at MNIST&apos;s pen width whatever size you drew them, and centred by their centre of mass in 28x28, as MNIST&apos;s digits were.</source>
        <translation>네트워크가 실제로 받는 이미지: 획을 20x20 상자에 맞추고, 어떤 크기로 그렸든 MNIST의 펜 굵기로 다시 그린 뒤, MNIST의 숫자처럼 28x28 안에서 무게중심으로 가운데에 놓은 것입니다.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Clear the drawing (Delete or Escape).</source>
        <translation>그림을 지웁니다 (Delete 또는 Escape).</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>무작위</translation>
    </message>
    <message>
        <source>Show a random test image as the input (Ctrl+T).</source>
        <translation>무작위 테스트 이미지를 입력으로 보여 줍니다 (Ctrl+T).</translation>
    </message>
    <message>
        <source>network input</source>
        <translation>네트워크 입력</translation>
    </message>
    <message>
        <source>Test image</source>
        <translation>테스트 이미지</translation>
    </message>
    <message>
        <source>&lt;b&gt;The input&lt;/b&gt;&lt;p&gt;Draw a digit with the mouse, or pick one of the test images. The network&apos;s input layer receives it as 28x28 = 784 numbers between 0 and 1, cropped and centred the way MNIST&apos;s digits were (the small square). Every other view shows what the network does with this input.&lt;/p&gt;</source>
        <translation>&lt;b&gt;입력&lt;/b&gt;&lt;p&gt;마우스로 숫자를 그리거나 테스트 이미지를 고르세요. 네트워크의 입력층은 이를 MNIST의 숫자처럼 잘라 가운데에 놓은 뒤(작은 사각형) 0과 1 사이의 수 28x28 = 784개로 받습니다. 다른 모든 화면은 네트워크가 이 입력으로 무엇을 하는지 보여 줍니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;The input&lt;/b&gt;&lt;p&gt;Draw with the mouse, or pick one of the test images. The network&apos;s input layer receives it as 28x28 = 784 numbers between 0 and 1, a drawing cropped and centred the way MNIST&apos;s images were (the small square). Every other view shows what the network does with this input.&lt;/p&gt;</source>
        <translation>&lt;b&gt;입력&lt;/b&gt;&lt;p&gt;마우스로 그리거나 테스트 이미지를 고르세요. 네트워크의 입력층은 이를 0과 1 사이의 수 28x28 = 784개로 받으며, 그린 그림은 MNIST의 이미지처럼 잘라 가운데에 놓습니다(작은 사각형). 다른 모든 화면은 네트워크가 이 입력으로 무엇을 하는지 보여 줍니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The image the network actually receives: the strokes fitted into a 20x20 box, drawn at MNIST&apos;s pen width whatever size you drew them, and centred by their centre of mass in 28x28, as MNIST&apos;s images were.</source>
        <translation>네트워크가 실제로 받는 이미지: 획을 20x20 상자에 맞추고, 어떤 크기로 그렸든 MNIST의 펜 굵기로 다시 그린 뒤, MNIST의 이미지처럼 28x28 안에서 무게중심으로 가운데에 놓은 것입니다.</translation>
    </message>
    <message>
        <source>Show test image N as the input: from 0 to %1.</source>
        <translation>N번 테스트 이미지를 입력으로 보여 줍니다: 0부터 %1까지.</translation>
    </message>
    <message>
        <source>Draw a digit or pick a test image.</source>
        <translation>숫자를 그리거나 테스트 이미지를 고르세요.</translation>
    </message>
    <message>
        <source>Draw on the pad or pick a test image.</source>
        <translation>그림판에 그리거나 테스트 이미지를 고르세요.</translation>
    </message>
    <message>
        <source>Your drawing</source>
        <translation>직접 그린 그림</translation>
    </message>
    <message>
        <source>Save drawing</source>
        <translation>그림 저장</translation>
    </message>
    <message>
        <source>There is no drawing to save: draw a digit on the pad first.</source>
        <translation>저장할 그림이 없습니다: 먼저 그림판에 숫자를 그리세요.</translation>
    </message>
    <message>
        <source>There is no drawing to save: draw on the pad first.</source>
        <translation>저장할 그림이 없습니다: 먼저 그림판에 그리세요.</translation>
    </message>
    <message>
        <source>Drawings (*.json)</source>
        <translation>그림 파일 (*.json)</translation>
    </message>
    <message>
        <source>%1 is not a drawings file that mlpviz can read, so the drawing was not added to it and the file was left as it is. Choose another name.</source>
        <translation>%1은(는) mlpviz가 읽을 수 있는 그림 파일이 아니므로 그림을 추가하지 않았고 파일도 그대로 두었습니다. 다른 이름을 고르세요.</translation>
    </message>
    <message>
        <source>%1 already holds a drawing. Add this one after it?</source>
        <translation>%1에는 이미 그림이 하나 있습니다. 이 그림을 그 뒤에 추가할까요?</translation>
    </message>
    <message>
        <source>%1 already holds %2 drawings. Add this one after them?</source>
        <translation>%1에는 이미 그림이 %2개 있습니다. 이 그림을 그 뒤에 추가할까요?</translation>
    </message>
    <message>
        <source>The drawing could not be saved to %1: %2</source>
        <translation>그림을 %1에 저장할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Saved the drawing to %1 as drawing %2</source>
        <translation>그림을 %1에 %2번째 그림으로 저장했습니다</translation>
    </message>
    <message>
        <source>label: %1</source>
        <translation>정답: %1</translation>
    </message>
    <message>
        <source>network input; red pixels speak for %1, blue against</source>
        <translation>네트워크 입력: 빨간 픽셀은 %1 쪽, 파란 픽셀은 반대 쪽</translation>
    </message>
    <message>
        <source>The image the network receives, with the pixels that raised (red) and lowered (blue) the digit it reads.</source>
        <translation>네트워크가 받는 이미지와, 읽은 숫자의 확률을 높인(빨간색) 픽셀과 낮춘(파란색) 픽셀.</translation>
    </message>
    <message>
        <source>The image the network receives, with the pixels that raised (red) and lowered (blue) the class it reads.</source>
        <translation>네트워크가 받는 이미지와, 읽은 클래스의 확률을 높인(빨간색) 픽셀과 낮춘(파란색) 픽셀.</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>The language changes the next time mlpviz starts.</source>
        <translation>언어는 mlpviz를 다음에 시작할 때 바뀝니다.</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>Lesson</source>
        <translation>수업</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>답하기</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>건너뛰기</translation>
    </message>
    <message>
        <source>Run the step without answering; the answer is shown afterwards</source>
        <translation>답하지 않고 이 단계를 실행합니다. 정답은 실행한 뒤에 보여 줍니다</translation>
    </message>
    <message>
        <source>Run this step</source>
        <translation>이 단계 실행</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 이전</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>다음 ▶</translation>
    </message>
    <message>
        <source>Cannot open the lesson</source>
        <translation>수업을 열 수 없습니다</translation>
    </message>
    <message>
        <source>&amp;Open lesson...</source>
        <translation>수업 열기(&amp;O)...</translation>
    </message>
    <message>
        <source>Open a lesson file (.toml or .json) written by a teacher</source>
        <translation>교사가 작성한 수업 파일(.toml 또는 .json)을 엽니다</translation>
    </message>
    <message>
        <source>&amp;Close lesson</source>
        <translation>수업 닫기(&amp;C)</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>수업 열기</translation>
    </message>
    <message>
        <source>Lessons (*.toml *.json)</source>
        <translation>수업 파일 (*.toml *.json)</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>%2단계 중 %1단계</translation>
    </message>
    <message>
        <source>Answer the question, or skip it, first</source>
        <translation>먼저 질문에 답하거나 건너뛰세요</translation>
    </message>
    <message>
        <source>Your answer is in. Run the step to see the answer.</source>
        <translation>답을 제출했습니다. 이 단계를 실행하면 정답을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>The answer: &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>정답: &lt;b&gt;%1&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>You said %1.</source>
        <translation>내 답: %1.</translation>
    </message>
    <message>
        <source>Right!</source>
        <translation>맞았습니다!</translation>
    </message>
    <message>
        <source>Not quite.</source>
        <translation>아쉽지만 틀렸습니다.</translation>
    </message>
    <message>
        <source>Run a lesson step</source>
        <translation>수업 단계 실행</translation>
    </message>
    <message>
        <source>&lt;b&gt;Watch:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;눈여겨볼 점:&lt;/b&gt; %1</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1: %2: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>unknown field; the fields here are %1</source>
        <translation>알 수 없는 항목입니다. 여기에 쓸 수 있는 항목: %1</translation>
    </message>
    <message>
        <source>missing (give its en and ko text)</source>
        <translation>빠져 있습니다 (en과 ko 텍스트를 모두 적으세요)</translation>
    </message>
    <message>
        <source>must be a text, or a table with en and ko texts</source>
        <translation>텍스트이거나, en과 ko 텍스트가 든 테이블이어야 합니다</translation>
    </message>
    <message>
        <source>must be a text</source>
        <translation>텍스트여야 합니다</translation>
    </message>
    <message>
        <source>%1 is not one of %2</source>
        <translation>%1은(는) 쓸 수 없습니다. 다음 중 하나여야 합니다: %2</translation>
    </message>
    <message>
        <source>missing (a number)</source>
        <translation>값이 없습니다 (숫자를 적어야 합니다)</translation>
    </message>
    <message>
        <source>must be a number%1, got %2</source>
        <translation>숫자%1이어야 합니다. 받은 값: %2</translation>
    </message>
    <message>
        <source>missing (choice or number)</source>
        <translation>값이 없습니다 (choice 또는 number를 적어야 합니다)</translation>
    </message>
    <message>
        <source>a choice question needs two or more options</source>
        <translation>선택형 질문(choice)에는 보기(options)가 두 개 이상 있어야 합니다</translation>
    </message>
    <message>
        <source>must be the right option&apos;s index, from 0 to %1, got %2</source>
        <translation>정답 보기의 번호(0부터 %1까지)여야 합니다. 받은 값: %2</translation>
    </message>
    <message>
        <source>only a number question has this</source>
        <translation>숫자형 질문(number)에만 쓰는 항목입니다</translation>
    </message>
    <message>
        <source>only a choice question has this</source>
        <translation>선택형 질문(choice)에만 쓰는 항목입니다</translation>
    </message>
    <message>
        <source>a step must be a table</source>
        <translation>단계는 테이블이어야 합니다</translation>
    </message>
    <message>
        <source>an experiment step has its own settings</source>
        <translation>실험 단계는 실험에 정해진 설정을 쓰므로 이 항목을 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>must be a table of settings</source>
        <translation>설정 테이블이어야 합니다</translation>
    </message>
    <message>
        <source>give settings (or a preset) for this</source>
        <translation>이 항목을 쓰려면 설정(settings)이나 프리셋(preset)도 정해야 합니다</translation>
    </message>
    <message>
        <source>must be a table</source>
        <translation>테이블이어야 합니다</translation>
    </message>
    <message>
        <source>unknown setting</source>
        <translation>알 수 없는 설정입니다</translation>
    </message>
    <message>
        <source>a lesson must be a table with a title and steps</source>
        <translation>수업은 제목(title)과 단계(step)가 있는 테이블이어야 합니다</translation>
    </message>
    <message>
        <source>a lesson needs at least one [[step]]</source>
        <translation>수업에는 [[step]]이 하나 이상 있어야 합니다</translation>
    </message>
    <message>
        <source>%1, step %2</source>
        <translation>%1, %2단계</translation>
    </message>
    <message>
        <source>not UTF-8 text</source>
        <translation>UTF-8 텍스트가 아닙니다</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open model...</source>
        <translation>모델 열기(&amp;O)...</translation>
    </message>
    <message>
        <source>Load a saved model (.npz)</source>
        <translation>저장한 모델(.npz)을 불러옵니다</translation>
    </message>
    <message>
        <source>&amp;Save model</source>
        <translation>모델 저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save the network and its history</source>
        <translation>네트워크와 학습 기록을 저장합니다</translation>
    </message>
    <message>
        <source>Save model &amp;as...</source>
        <translation>다른 이름으로 모델 저장(&amp;A)...</translation>
    </message>
    <message>
        <source>Save to a new file</source>
        <translation>새 파일에 저장합니다</translation>
    </message>
    <message>
        <source>&amp;Dataset</source>
        <translation>데이터셋(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Folder of IDX files...</source>
        <translation>IDX 파일 폴더(&amp;F)...</translation>
    </message>
    <message>
        <source>Train on a folder of MNIST-format IDX files, such as Fashion-MNIST</source>
        <translation>Fashion-MNIST처럼 MNIST 형식 IDX 파일이 든 폴더로 학습합니다</translation>
    </message>
    <message>
        <source>&amp;Keras-style .npz file...</source>
        <translation>Keras 형식 .npz 파일(&amp;K)...</translation>
    </message>
    <message>
        <source>Train on an mnist.npz with x_train, y_train, x_test, y_test</source>
        <translation>x_train, y_train, x_test, y_test가 든 mnist.npz로 학습합니다</translation>
    </message>
    <message>
        <source>&amp;Bundled MNIST</source>
        <translation>내장 MNIST(&amp;B)</translation>
    </message>
    <message>
        <source>Back to the MNIST that ships with mlpviz</source>
        <translation>mlpviz에 들어 있는 MNIST로 돌아갑니다</translation>
    </message>
    <message>
        <source>&amp;Check my code...</source>
        <translation>내 코드 검사(&amp;C)...</translation>
    </message>
    <message>
        <source>Check your own NumPy forward, backward and update against the engine</source>
        <translation>직접 작성한 NumPy 순전파, 역전파, 갱신 함수를 엔진과 비교해 검사합니다</translation>
    </message>
    <message>
        <source>&amp;Export figures...</source>
        <translation>그림 내보내기(&amp;E)...</translation>
    </message>
    <message>
        <source>Save every view as a PNG for slides, with an index.html that shows them all</source>
        <translation>모든 화면을 슬라이드용 PNG로 저장하고, 이를 한눈에 보여 주는 index.html도 함께 만듭니다</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit mlpviz</source>
        <translation>mlpviz를 끝냅니다</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>학습(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Start / Pause</source>
        <translation>시작 / 일시 정지(&amp;S)</translation>
    </message>
    <message>
        <source>Start or pause training</source>
        <translation>학습을 시작하거나 일시 정지합니다</translation>
    </message>
    <message>
        <source>Step one &amp;mini-batch</source>
        <translation>한 스텝 학습: 미니배치 하나(&amp;M)</translation>
    </message>
    <message>
        <source>Train on one mini-batch</source>
        <translation>미니배치 하나를 학습합니다</translation>
    </message>
    <message>
        <source>Step one &amp;epoch</source>
        <translation>에포크 하나 학습(&amp;E)</translation>
    </message>
    <message>
        <source>Train to the end of this epoch</source>
        <translation>이번 에포크가 끝날 때까지 학습합니다</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>초기화(&amp;R)</translation>
    </message>
    <message>
        <source>Start again from fresh weights</source>
        <translation>새 가중치로 처음부터 다시 시작합니다</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>수업(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Input</source>
        <translation>입력(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Clear drawing</source>
        <translation>그림 지우기(&amp;C)</translation>
    </message>
    <message>
        <source>Clear the drawing pad</source>
        <translation>그림판을 지웁니다</translation>
    </message>
    <message>
        <source>&amp;Random test image</source>
        <translation>무작위 테스트 이미지(&amp;R)</translation>
    </message>
    <message>
        <source>Show a random test image</source>
        <translation>무작위 테스트 이미지를 보여 줍니다</translation>
    </message>
    <message>
        <source>&amp;Save drawing...</source>
        <translation>그림 저장(&amp;S)...</translation>
    </message>
    <message>
        <source>Save the drawing&apos;s pen strokes to a file that mlpviz predict --strokes reads</source>
        <translation>그린 그림의 펜 획을 mlpviz predict --strokes가 읽을 수 있는 파일로 저장합니다</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>What&apos;s &amp;This?</source>
        <translation>이것은 무엇인가요?(&amp;T)</translation>
    </message>
    <message>
        <source>Click any control or chart to have it explained</source>
        <translation>컨트롤이나 차트를 클릭하면 설명을 보여 줍니다</translation>
    </message>
    <message>
        <source>&amp;About mlpviz</source>
        <translation>mlpviz 정보(&amp;A)</translation>
    </message>
    <message>
        <source>What this is</source>
        <translation>이 프로그램에 대하여</translation>
    </message>
    <message>
        <source>Folder of MNIST-format IDX files</source>
        <translation>MNIST 형식 IDX 파일 폴더</translation>
    </message>
    <message>
        <source>Keras-style MNIST file</source>
        <translation>Keras 형식 MNIST 파일</translation>
    </message>
    <message>
        <source>NumPy archives (*.npz)</source>
        <translation>NumPy 압축 파일 (*.npz)</translation>
    </message>
    <message>
        <source>Switch datasets</source>
        <translation>데이터셋 바꾸기</translation>
    </message>
    <message>
        <source>About mlpviz</source>
        <translation>mlpviz 정보</translation>
    </message>
    <message>
        <source>&lt;h3&gt;mlpviz %1&lt;/h3&gt;&lt;p&gt;Watch a neural network learn. mlpviz trains a multi-layer perceptron written from scratch in NumPy on handwritten digits, live, and shows what happens inside: the loss and accuracy, the weights, every layer&apos;s activations, and what it reads in a digit you draw.&lt;/p&gt;&lt;p&gt;Free software under the MIT licence.&lt;/p&gt;&lt;p&gt;MNIST is by Yann LeCun, Corinna Cortes and Christopher J.C. Burges.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;mlpviz %1&lt;/h3&gt;&lt;p&gt;신경망이 배우는 모습을 지켜보세요. mlpviz는 NumPy로 처음부터 구현한 다층 퍼셉트론을 손글씨 숫자로 실시간 학습시키면서 그 안에서 일어나는 일을 보여 줍니다: 손실과 정확도, 가중치, 모든 층의 활성화 값, 그리고 직접 그린 숫자를 네트워크가 어떻게 읽는지.&lt;/p&gt;&lt;p&gt;MIT 라이선스의 자유 소프트웨어입니다.&lt;/p&gt;&lt;p&gt;MNIST는 Yann LeCun, Corinna Cortes, Christopher J.C. Burges가 만들었습니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>mlpviz: watch a neural network learn</source>
        <translation>mlpviz: 신경망이 배우는 모습 보기</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Inside the network</source>
        <translation>네트워크 내부</translation>
    </message>
    <message>
        <source>Mini-batch</source>
        <translation>미니배치</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>편집</translation>
    </message>
    <message>
        <source>Cannot use this value</source>
        <translation>이 값은 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>Inside</source>
        <translation>네트워크 내부</translation>
    </message>
    <message>
        <source>Backpropagation</source>
        <translation>역전파</translation>
    </message>
    <message>
        <source>Backprop</source>
        <translation>역전파</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>평가</translation>
    </message>
    <message>
        <source>Gradients and units</source>
        <translation>기울기와 뉴런</translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation>기울기와 뉴런</translation>
    </message>
    <message>
        <source>Runs side by side</source>
        <translation>학습 비교</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>학습 비교</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Loading %1...</source>
        <translation>%1 불러오는 중...</translation>
    </message>
    <message>
        <source>Cannot load the dataset</source>
        <translation>데이터셋을 불러올 수 없습니다</translation>
    </message>
    <message>
        <source>%1: %2 training and %3 test images</source>
        <translation>%1: 학습 이미지 %2장, 테스트 이미지 %3장</translation>
    </message>
    <message>
        <source>Cannot use these settings</source>
        <translation>이 설정은 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>This network has diverged: press Reset (Ctrl+R) to start again, with a smaller learning rate.</source>
        <translation>이 네트워크는 발산했습니다: 초기화(Ctrl+R)를 눌러 더 작은 학습률로 다시 시작하세요.</translation>
    </message>
    <message>
        <source>Training stopped with an error: press Reset (Ctrl+R) to start again; Save (Ctrl+S) keeps the network as it was before the error.</source>
        <translation>오류로 학습이 멈췄습니다: 초기화(Ctrl+R)를 눌러 다시 시작하세요. 저장(Ctrl+S)하면 오류 직전의 네트워크가 보존됩니다.</translation>
    </message>
    <message>
        <source>Training on past the planned length: the learning rate keeps shrinking by x%1 per epoch.</source>
        <translation>계획한 길이를 넘어 학습합니다: 학습률은 에포크마다 계속 x%1배로 줄어듭니다.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>초기화</translation>
    </message>
    <message>
        <source>Start a new network</source>
        <translation>새 네트워크 시작</translation>
    </message>
    <message>
        <source>Cannot train the edited network</source>
        <translation>편집한 네트워크를 학습할 수 없습니다</translation>
    </message>
    <message>
        <source>Training stopped: %1.</source>
        <translation>학습이 멈췄습니다: %1.</translation>
    </message>
    <message>
        <source>Training diverged</source>
        <translation>학습이 발산했습니다</translation>
    </message>
    <message>
        <source>Finished the planned %1 steps; Start continues training.</source>
        <translation>계획한 %1스텝을 마쳤습니다. 시작을 누르면 학습을 계속합니다.</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>학습 실패</translation>
    </message>
    <message>
        <source>%1. Save (Ctrl+S) writes that network; Reset (Ctrl+R) starts a new one.</source>
        <translation>%1. 저장(Ctrl+S)하면 그 네트워크를 저장하고, 초기화(Ctrl+R)하면 새 네트워크로 시작합니다.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>끝내기</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>모델 저장</translation>
    </message>
    <message>
        <source>This network has diverged: training stopped when its loss blew up, and its answers are probably worthless (often the same answer for every image). Save it anyway?</source>
        <translation>이 네트워크는 발산했습니다: 손실이 폭발해서 학습이 멈췄고, 답은 거의 쓸모가 없을 것입니다 (모든 이미지에 같은 답을 하는 경우가 많습니다). 그래도 저장할까요?</translation>
    </message>
    <message>
        <source>Models (*.npz)</source>
        <translation>모델 (*.npz)</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>저장할 수 없습니다</translation>
    </message>
    <message>
        <source>training did not pause in time; try again</source>
        <translation>학습이 제때 멈추지 않았습니다. 다시 시도하세요</translation>
    </message>
    <message>
        <source>training failed before a whole copy of the network was taken</source>
        <translation>네트워크 전체의 복사본을 얻기 전에 학습이 실패했습니다</translation>
    </message>
    <message>
        <source>the network has diverged: its weights are no longer finite numbers, so there is nothing worth saving</source>
        <translation>네트워크가 발산했습니다: 가중치가 더는 유한한 수가 아니므로 저장할 가치가 없습니다</translation>
    </message>
    <message>
        <source>Cannot save the model</source>
        <translation>모델을 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1에 저장했습니다</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>모델 열기</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>모델 열기</translation>
    </message>
    <message>
        <source>Cannot open the model</source>
        <translation>모델을 열 수 없습니다</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 열었음</translation>
    </message>
    <message>
        <source>The network has trained since it was last saved. Save it first?</source>
        <translation>마지막으로 저장한 뒤에 네트워크가 더 학습했습니다. 먼저 저장할까요?</translation>
    </message>
    <message>
        <source>The network has diverged, so it is not worth saving. Discard it?</source>
        <translation>네트워크가 발산하여 저장할 가치가 없습니다. 버릴까요?</translation>
    </message>
    <message>
        <source>Don&apos;t Save</source>
        <translation>저장 안 함</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <source>The last session&apos;s network (hidden layers %1: %2 MB of weights) was not built at launch: type its hidden layers again to train it.</source>
        <translation>지난 세션의 네트워크(은닉층 %1, 가중치 %2 MB)는 시작할 때 만들지 않았습니다. 학습하려면 은닉층을 다시 입력하세요.</translation>
    </message>
</context>
<context>
    <name>MiniBatchView</name>
    <message>
        <source>Slow the speed down or press Step (Right arrow): each step&apos;s mini-batch appears here.</source>
        <translation>속도를 늦추거나 한 스텝(오른쪽 화살표)을 누르세요: 스텝마다 학습한 미니배치가 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>The images of the mini-batch as the step learned them (after any augmentation); under each, its label: the network&apos;s answer before the step -&gt; after it. Click an image to look inside the network with it.</source>
        <translation>스텝이 학습한 그대로의(데이터 증강을 거친) 미니배치 이미지입니다. 각 이미지 아래에는 정답: 스텝 전 네트워크의 답 -&gt; 스텝 후의 답이 있습니다. 이미지를 클릭하면 그 이미지로 네트워크 내부를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Loss of each image: before the step (light), after it (dark)</source>
        <translation>이미지별 손실: 스텝 전(연한 색), 스텝 후(진한 색)</translation>
    </message>
    <message>
        <source>cross-entropy (nats)</source>
        <translation>교차 엔트로피 (nat)</translation>
    </message>
    <message>
        <source>image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>&lt;b&gt;The mini-batch just learned&lt;/b&gt;&lt;p&gt;Each step of mini-batch gradient descent takes a few training images, computes the average loss E over them, finds ∂E/∂W by backpropagation and updates every weight: W ← W − η·∂E/∂W, η being the learning rate. Under each image: its label, then the network&apos;s answer before → after the step; the bars show each image&apos;s loss before and after.&lt;/p&gt;</source>
        <translation>&lt;b&gt;방금 학습한 미니배치&lt;/b&gt;&lt;p&gt;미니배치 경사 하강법의 각 스텝은 학습 이미지 몇 장을 골라 평균 손실 E를 계산하고, 역전파로 ∂E/∂W를 구해 모든 가중치를 갱신합니다: W ← W − η·∂E/∂W (η는 학습률). 각 이미지 아래에는 정답과 스텝 전 → 후 네트워크의 답이 있고, 막대는 이미지마다 스텝 전후의 손실을 보여 줍니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source> &lt;i&gt;(an earlier step)&lt;/i&gt;</source>
        <translation> &lt;i&gt;(이전 스텝)&lt;/i&gt;</translation>
    </message>
    <message>
        <source>step %1: </source>
        <translation>스텝 %1: </translation>
    </message>
    <message>
        <source> (%1 shown)</source>
        <translation> (%1장 표시)</translation>
    </message>
    <message>
        <source> The images are shown augmented, as the step learned them.</source>
        <translation> 이미지는 스텝이 학습한 그대로, 증강된 모습으로 보입니다.</translation>
    </message>
    <message>
        <source>mini-batch of %1 images%2. Mean loss %3 before the step, &lt;b&gt;%4&lt;/b&gt; after; right %5 before, &lt;b&gt;%6&lt;/b&gt; after.</source>
        <translation>이미지 %1장의 미니배치%2. 평균 손실: 스텝 전 %3, 후 &lt;b&gt;%4&lt;/b&gt;; 맞힌 수: 전 %5, 후 &lt;b&gt;%6&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Training image %1, augmented (label %2)</source>
        <translation>학습 이미지 %1, 증강됨 (정답 %2)</translation>
    </message>
    <message>
        <source>Training image %1 (label %2)</source>
        <translation>학습 이미지 %1 (정답 %2)</translation>
    </message>
</context>
<context>
    <name>NetworkDiagramView</name>
    <message>
        <source>Draw a digit or pick a test image to see the network at work.</source>
        <translation>숫자를 그리거나 테스트 이미지를 고르면 네트워크가 일하는 모습을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Draw on the pad or pick a test image to see the network at work.</source>
        <translation>그림판에 그리거나 테스트 이미지를 고르면 네트워크가 일하는 모습을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The network diagram&lt;/b&gt;&lt;p&gt;One column per layer: the input layer (pixels), the hidden layers and the output layer (digits). Each circle is a neuron coloured by its activation z = f(a), a = xW + b (x: its layer&apos;s input); a line is a contribution z·w into the next layer. Click a hidden neuron to inspect it, an output neuron to see which pixels explain that digit.&lt;/p&gt;</source>
        <translation>&lt;b&gt;네트워크 다이어그램&lt;/b&gt;&lt;p&gt;층마다 한 열입니다: 입력층(픽셀), 은닉층, 출력층(숫자). 원 하나가 뉴런 하나이며 활성화 값 z = f(a), a = xW + b(x는 그 층의 입력)에 따라 색이 칠해집니다. 선은 다음 층으로 가는 기여 z·w입니다. 은닉층 뉴런을 클릭하면 자세히 보고, 출력층 뉴런을 클릭하면 어떤 픽셀이 그 숫자를 설명하는지 봅니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;The network diagram&lt;/b&gt;&lt;p&gt;One column per layer: the input layer (pixels), the hidden layers and the output layer (classes). Each circle is a neuron coloured by its activation z = f(a), a = xW + b (x: its layer&apos;s input); a line is a contribution z·w into the next layer. Click a hidden neuron to inspect it, an output neuron to see which pixels explain that class.&lt;/p&gt;</source>
        <translation>&lt;b&gt;네트워크 다이어그램&lt;/b&gt;&lt;p&gt;층마다 한 열입니다: 입력층(픽셀), 은닉층, 출력층(클래스). 원 하나가 뉴런 하나이며 활성화 값 z = f(a), a = xW + b(x는 그 층의 입력)에 따라 색이 칠해집니다. 선은 다음 층으로 가는 기여 z·w입니다. 은닉층 뉴런을 클릭하면 자세히 보고, 출력층 뉴런을 클릭하면 어떤 픽셀이 그 클래스를 설명하는지 봅니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Train or open a model to see its diagram.</source>
        <translation>학습하거나 모델을 열면 다이어그램이 나타납니다.</translation>
    </message>
    <message>
        <source>input</source>
        <translation>입력층</translation>
    </message>
    <message>
        <source>output</source>
        <translation>출력층</translation>
    </message>
    <message>
        <source>hidden %1</source>
        <translation>은닉층 %1</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>+%1개 더</translation>
    </message>
    <message>
        <source>The %1 most active neurons of each layer (brighter: more active); lines: the strongest z·w (red raises, blue lowers). The network reads &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>층마다 가장 활성화된 뉴런 %1개(밝을수록 활성화 값이 큼); 선은 가장 강한 기여 z·w(빨강: 높임, 파랑: 낮춤). 네트워크의 답은 &lt;b&gt;%2&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>pixel row %1, column %2: %3</source>
        <translation>픽셀 %1행 %2열: %3</translation>
    </message>
    <message>
        <source>digit %1: probability %2 (click to explain it)</source>
        <translation>숫자 %1: 확률 %2 (클릭하면 설명)</translation>
    </message>
    <message>
        <source>class %1: probability %2 (click to explain it)</source>
        <translation>클래스 %1: 확률 %2 (클릭하면 설명)</translation>
    </message>
    <message>
        <source>hidden layer %1, unit %2: activation %3 (click to inspect)</source>
        <translation>은닉층 %1, %2번 뉴런: 활성화 값 %3 (클릭하면 자세히)</translation>
    </message>
</context>
<context>
    <name>NeuronView</name>
    <message>
        <source>Click a neuron in the diagram, a weight tile or an activation cell.</source>
        <translation>다이어그램의 뉴런, 가중치 타일 또는 활성화 칸을 클릭하세요.</translation>
    </message>
    <message>
        <source>No neuron selected.
Click a circle in the network diagram, a weight tile or an activation cell to look at one neuron here.</source>
        <translation>선택된 뉴런이 없습니다.
네트워크 그림의 원, 가중치 타일 또는 활성화 칸을 클릭하면 여기에서 뉴런 하나를 자세히 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>incoming weights</source>
        <translation>들어오는 가중치</translation>
    </message>
    <message>
        <source>The weights into this neuron: red positive, blue negative</source>
        <translation>이 뉴런으로 들어오는 가중치: 빨간색은 양수, 파란색은 음수</translation>
    </message>
    <message>
        <source>effect on each digit</source>
        <translation>숫자별 영향</translation>
    </message>
    <message>
        <source>The test images that make this neuron most active. Click one to make it the input.</source>
        <translation>이 뉴런을 가장 강하게 활성화하는 테스트 이미지입니다. 하나를 클릭하면 입력이 됩니다.</translation>
    </message>
    <message>
        <source>effect on each class</source>
        <translation>클래스별 영향</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;a = z·w + b = &lt;b&gt;%2&lt;/b&gt;, z = %3(a) = &lt;b&gt;%4&lt;/b&gt; for this input&lt;br&gt;bias b = %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;이 입력에서 a = z·w + b = &lt;b&gt;%2&lt;/b&gt;, z = %3(a) = &lt;b&gt;%4&lt;/b&gt;&lt;br&gt;편향 b = %5</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;bias b = %2&lt;br&gt;draw a digit or pick a test image to see its pre-activation a and activation z</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;편향 b = %2&lt;br&gt;숫자를 그리거나 테스트 이미지를 고르면 사전 활성화 값 a와 활성화 값 z가 보입니다</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;bias b = %2&lt;br&gt;draw on the pad or pick a test image to see its pre-activation a and activation z</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;편향 b = %2&lt;br&gt;그림판에 그리거나 테스트 이미지를 고르면 사전 활성화 값 a와 활성화 값 z가 보입니다</translation>
    </message>
    <message>
        <source>weights to the classes</source>
        <translation>클래스로 가는 가중치</translation>
    </message>
    <message>
        <source>effect on each digit, da/dz</source>
        <translation>숫자별 영향, da/dz</translation>
    </message>
    <message>
        <source>effect on each class, da/dz</source>
        <translation>클래스별 영향, da/dz</translation>
    </message>
    <message>
        <source>search failed: %1</source>
        <translation>검색 실패: %1</translation>
    </message>
    <message>
        <source>Train or open a model, then click a neuron.</source>
        <translation>학습하거나 모델을 연 다음 뉴런을 클릭하세요.</translation>
    </message>
    <message>
        <source>&lt;b&gt;One neuron up close&lt;/b&gt;&lt;p&gt;Its pre-activation a = z·w + b (the previous layer&apos;s activations z times its incoming weights w, plus the bias b) and its activation z = f(a); for the sigmoid σ(a) = 1 / (1 + e&lt;sup&gt;−a&lt;/sup&gt;), whose derivative is σ′(a) = σ(a)(1 − σ(a)). Left: its incoming weights; middle: how much raising its activation z moves each digit&apos;s logit a; right: the test images that excite it most.&lt;/p&gt;</source>
        <translation>&lt;b&gt;뉴런 하나 자세히&lt;/b&gt;&lt;p&gt;이 뉴런의 사전 활성화 값 a = z·w + b(앞 층의 활성화 값 z에 들어오는 가중치 w를 곱해 더하고 편향 b를 더한 값)와 활성화 값 z = f(a)입니다. 시그모이드라면 σ(a) = 1 / (1 + e&lt;sup&gt;−a&lt;/sup&gt;), 도함수는 σ′(a) = σ(a)(1 − σ(a))입니다. 왼쪽: 들어오는 가중치, 가운데: 활성화 값 z를 올리면 숫자마다 로짓 a가 얼마나 움직이는지, 오른쪽: 이 뉴런을 가장 강하게 활성화하는 테스트 이미지.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;One neuron up close&lt;/b&gt;&lt;p&gt;Its pre-activation a = z·w + b (the previous layer&apos;s activations z times its incoming weights w, plus the bias b) and its activation z = f(a); for the sigmoid σ(a) = 1 / (1 + e&lt;sup&gt;−a&lt;/sup&gt;), whose derivative is σ′(a) = σ(a)(1 − σ(a)). Left: its incoming weights; middle: how much raising its activation z moves each class&apos;s logit a; right: the test images that excite it most.&lt;/p&gt;</source>
        <translation>&lt;b&gt;뉴런 하나 자세히&lt;/b&gt;&lt;p&gt;이 뉴런의 사전 활성화 값 a = z·w + b(앞 층의 활성화 값 z에 들어오는 가중치 w를 곱해 더하고 편향 b를 더한 값)와 활성화 값 z = f(a)입니다. 시그모이드라면 σ(a) = 1 / (1 + e&lt;sup&gt;−a&lt;/sup&gt;), 도함수는 σ′(a) = σ(a)(1 − σ(a))입니다. 왼쪽: 들어오는 가중치, 가운데: 활성화 값 z를 올리면 클래스마다 로짓 a가 얼마나 움직이는지, 오른쪽: 이 뉴런을 가장 강하게 활성화하는 테스트 이미지.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>hidden layer %1, unit %2 of %3 (%4)</source>
        <translation>은닉층 %1, 뉴런 %3개 중 %2번 (%4)</translation>
    </message>
    <message>
        <source>weights from layer %1</source>
        <translation>%1층에서 오는 가중치</translation>
    </message>
    <message>
        <source>weights to the digits</source>
        <translation>숫자로 가는 가중치</translation>
    </message>
    <message>
        <source>incoming weights, %1x%2 pixels</source>
        <translation>들어오는 가중치, %1x%2 픽셀</translation>
    </message>
    <message>
        <source>no test images loaded</source>
        <translation>불러온 테스트 이미지가 없습니다</translation>
    </message>
    <message>
        <source>searching the test set for the images that drive this neuron hardest...</source>
        <translation>이 뉴런을 가장 강하게 움직이는 이미지를 테스트 데이터에서 찾는 중...</translation>
    </message>
    <message>
        <source>the %1 test images that excite it most (activation %2 to %3; labels %4); click one to use it</source>
        <translation>가장 강하게 활성화하는 테스트 이미지 %1장 (활성화 값 %2 ~ %3, 정답 %4). 클릭하면 입력으로 씁니다</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>찾는 위치(&amp;L):</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>파일 형식(&amp;T):</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>no mistakes</source>
        <translation>오답 없음</translation>
    </message>
    <message>
        <source>colour: the true digit; ×: misread</source>
        <translation>색: 실제 숫자, ×: 잘못 읽음</translation>
    </message>
    <message>
        <source>colour: the true class; ×: misread</source>
        <translation>색: 실제 클래스, ×: 잘못 읽음</translation>
    </message>
    <message>
        <source>mlpviz evaluation: %1</source>
        <translation>mlpviz 평가: %1</translation>
    </message>
    <message>
        <source>Where the network fails</source>
        <translation>네트워크가 틀리는 곳</translation>
    </message>
    <message>
        <source>Network %1 on the %2 test set of %3 images: accuracy %4, mean loss %5, %6 mistakes.</source>
        <translation>네트워크 %1, %2 테스트 데이터(이미지 %3장): 정확도 %4, 평균 손실 %5, 오답 %6개.</translation>
    </message>
    <message>
        <source>Rows: the true digit; columns: the digit read. Off-diagonal cells are mistakes, shaded by their share of the row.</source>
        <translation>행: 실제 숫자, 열: 네트워크가 읽은 숫자. 대각선 밖의 칸은 오답이며, 그 행에서 차지하는 비율에 따라 색이 진해집니다.</translation>
    </message>
    <message>
        <source>Rows: the true class; columns: the class read. Off-diagonal cells are mistakes, shaded by their share of the row.</source>
        <translation>행: 실제 클래스, 열: 네트워크가 읽은 클래스. 대각선 밖의 칸은 오답이며, 그 행에서 차지하는 비율에 따라 색이 진해집니다.</translation>
    </message>
    <message>
        <source>Caption: true digit → digit read, the network&apos;s confidence, the index in the test set.</source>
        <translation>캡션: 실제 숫자 → 읽은 숫자, 네트워크의 신뢰도, 테스트 데이터에서의 번호.</translation>
    </message>
    <message>
        <source>Caption: true class → class read, the network&apos;s confidence, the index in the test set.</source>
        <translation>캡션: 실제 클래스 → 읽은 클래스, 네트워크의 신뢰도, 테스트 데이터에서의 번호.</translation>
    </message>
    <message>
        <source>If the network says “I don&apos;t know” below a confidence threshold, it answers fewer images but gets more of them right.</source>
        <translation>신뢰도가 문턱값보다 낮을 때 네트워크가 “모르겠다”고 답하게 하면, 답하는 이미지는 줄지만 그중 맞히는 비율은 높아집니다.</translation>
    </message>
    <message>
        <source>Accuracy on damaged copies of the first %1 test images; the first level of each is no damage. Below each curve: the first test image at each level.</source>
        <translation>처음 %1장의 테스트 이미지를 손상시킨 사본에서의 정확도입니다. 손상마다 첫 수준은 손상 없음입니다. 각 곡선 아래: 수준마다 첫 번째 테스트 이미지.</translation>
    </message>
    <message>
        <source>The first %1 test images as the %2 represents them, projected to two dimensions (PCA).</source>
        <translation>처음 %1장의 테스트 이미지를 %2의 표현 그대로 2차원에 투영한 것입니다 (주성분 분석, PCA).</translation>
    </message>
    <message>
        <source>digit</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <source>images</source>
        <translation>이미지 수</translation>
    </message>
    <message>
        <source>index</source>
        <translation>번호</translation>
    </message>
    <message>
        <source>confidence</source>
        <translation>신뢰도</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>문턱값</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>답한 비율</translation>
    </message>
    <message>
        <source>raises log p(%1)</source>
        <translation>log p(%1) 높임</translation>
    </message>
    <message>
        <source>no effect</source>
        <translation>영향 없음</translation>
    </message>
    <message>
        <source>lowers log p(%1)</source>
        <translation>log p(%1) 낮춤</translation>
    </message>
    <message>
        <source>Read as %1 (p = %2)</source>
        <translation>%1(으)로 읽음 (p = %2)</translation>
    </message>
</context>
<context>
    <name>RunsView</name>
    <message>
        <source>Loss (mean over nearby steps)</source>
        <translation>손실 (가까운 스텝들의 평균)</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>accuracy %</source>
        <translation>정확도 %</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV 내보내기…</translation>
    </message>
    <message>
        <source>Every run&apos;s epoch history in one table</source>
        <translation>모든 실행의 에포크 기록을 한 표로</translation>
    </message>
    <message>
        <source>Export PNG/SVG…</source>
        <translation>PNG/SVG 내보내기…</translation>
    </message>
    <message>
        <source>Save the plots as a PNG or SVG image</source>
        <translation>그래프를 PNG 또는 SVG 이미지로 저장</translation>
    </message>
    <message>
        <source>Runs:</source>
        <translation>실행:</translation>
    </message>
    <message>
        <source>settings unknown</source>
        <translation>설정 모름</translation>
    </message>
    <message>
        <source>%1 %2 (now %3)</source>
        <translation>%1 %2 (현재 %3)</translation>
    </message>
    <message>
        <source>train images %1 (now %2)</source>
        <translation>학습 이미지 %1 (현재 %2)</translation>
    </message>
    <message>
        <source>same settings</source>
        <translation>같은 설정</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>mistake</source>
        <translation>실수</translation>
    </message>
    <message>
        <source>Accuracy at each epoch end: test (solid), train (dashed)</source>
        <translation>에포크 끝마다의 정확도: 테스트(실선), 학습(파선)</translation>
    </message>
    <message>
        <source>Tick the runs to show. An experiment&apos;s run is named by the experiment; another by its own settings where the current run&apos;s differ, with the current run&apos;s value in brackets.</source>
        <translation>보여 줄 실행을 체크하세요. 실험의 실행은 실험 이름으로, 다른 실행은 현재 실행과 다른 설정으로 이름이 붙으며, 괄호 안은 현재 실행의 값입니다.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>Remove the selected earlier runs from the comparison (Delete)</source>
        <translation>선택한 이전 실행을 비교에서 제거합니다 (Delete)</translation>
    </message>
    <message>
        <source>Remove all</source>
        <translation>모두 제거</translation>
    </message>
    <message>
        <source>Remove every earlier run; the next ones are numbered from 1 again</source>
        <translation>이전 실행을 모두 제거합니다. 다음 실행부터 번호가 다시 1부터 매겨집니다</translation>
    </message>
    <message>
        <source>&lt;b&gt;Runs compared&lt;/b&gt;&lt;p&gt;Each reset, new setting, opened model or experiment run starts a run; the earlier ones stay here beside the current run&apos;s bold curves, each in a colour of its own, so that you can see what a change did: a smaller learning rate η in W ← W − η·∂E/∂W, for instance, lowers the loss more slowly but more steadily. Below the loss, each run&apos;s accuracy at every epoch end: on the test images (solid) and on the training images (dashed); a gap between the two is overfitting. Runs are numbered from 1; an experiment&apos;s run is named by the experiment, another by its own settings where the current run&apos;s differ, such as &quot;lr 0.1 (now 0.01)&quot;: that run&apos;s value, then the current one.&lt;/p&gt;</source>
        <translation>&lt;b&gt;실행 비교&lt;/b&gt;&lt;p&gt;초기화하거나, 설정을 바꾸거나, 모델을 열거나, 실험을 실행할 때마다 새 실행이 시작됩니다. 이전 실행들은 저마다 다른 색으로 현재 실행의 굵은 곡선 옆에 남아 있어, 무엇을 바꾼 결과를 볼 수 있습니다. 예를 들어 W ← W − η·∂E/∂W에서 학습률 η를 줄이면 손실이 더 느리지만 더 꾸준히 내려갑니다. 손실 아래에는 실행마다 에포크 끝의 정확도가 있습니다: 테스트 이미지(실선)와 학습 이미지(파선). 둘 사이의 차이가 과대적합입니다. 실행에는 1부터 번호가 붙습니다. 실험의 실행은 실험 이름으로, 다른 실행은 현재 실행과 다른 설정으로 이름이 붙습니다. 예를 들어 &quot;학습률 0.1 (현재 0.01)&quot;은 그 실행의 값, 그다음 현재 실행의 값입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>data %1 (now %2)</source>
        <translation>데이터 %1 (현재 %2)</translation>
    </message>
    <message>
        <source>%1 (current): %2</source>
        <translation>%1 (현재): %2</translation>
    </message>
    <message>
        <source>%1 (current)</source>
        <translation>%1 (현재)</translation>
    </message>
    <message>
        <source>Current network: run %1, %2 (an experiment&apos;s run).</source>
        <translation>현재 네트워크: 실행 %1, %2 (실험의 실행).</translation>
    </message>
    <message>
        <source>Current network: run %1.</source>
        <translation>현재 네트워크: 실행 %1.</translation>
    </message>
    <message>
        <source>It makes a mistake on purpose: %1.</source>
        <translation>일부러 실수를 넣었습니다: %1.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Export runs as CSV</source>
        <translation>실행을 CSV로 내보내기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1에 저장했습니다</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 이미지 (*.svg)</translation>
    </message>
    <message>
        <source>Export the plots</source>
        <translation>그래프 내보내기</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1에 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Test image %1 (label %2)</source>
        <translation>테스트 이미지 %1 (정답 %2)</translation>
    </message>
</context>
<context>
    <name>Setting</name>
    <message>
        <source>hidden</source>
        <translation>은닉층</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>init</source>
        <translation>초기화</translation>
    </message>
    <message>
        <source>init std</source>
        <translation>초기 표준편차</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>가중치 감쇠</translation>
    </message>
    <message>
        <source>lr decay</source>
        <translation>학습률 감소</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>학습률 스케줄</translation>
    </message>
    <message>
        <source>dropout</source>
        <translation>드롭아웃</translation>
    </message>
    <message>
        <source>shift</source>
        <translation>이미지 이동</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>dtype</source>
        <translation>자료형</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>편집</translation>
    </message>
</context>
<context>
    <name>SoftmaxView</name>
    <message>
        <source>softmax, as the course writes it: y&lt;sub&gt;k&lt;/sub&gt; = exp(a&lt;sub&gt;k&lt;/sub&gt; − C) / Σ&lt;sub&gt;i&lt;/sub&gt; exp(a&lt;sub&gt;i&lt;/sub&gt; − C), with C = max(a) so that no exp overflows, for the logits a = a&lt;sub&gt;L&lt;/sub&gt;; here a is divided by the temperature T first.&lt;br&gt;cross-entropy: E = −Σ&lt;sub&gt;k&lt;/sub&gt; t&lt;sub&gt;k&lt;/sub&gt; log y&lt;sub&gt;k&lt;/sub&gt; = −log y&lt;sub&gt;t&lt;/sub&gt; for the one-hot label t.</source>
        <translation>강의에서 쓰는 소프트맥스: y&lt;sub&gt;k&lt;/sub&gt; = exp(a&lt;sub&gt;k&lt;/sub&gt; − C) / Σ&lt;sub&gt;i&lt;/sub&gt; exp(a&lt;sub&gt;i&lt;/sub&gt; − C), exp가 넘치지 않도록 C = max(a), 로짓 a = a&lt;sub&gt;L&lt;/sub&gt;. 여기서는 a를 먼저 온도 T로 나눕니다.&lt;br&gt;교차 엔트로피: 원-핫 정답 t에 대해 E = −Σ&lt;sub&gt;k&lt;/sub&gt; t&lt;sub&gt;k&lt;/sub&gt; log y&lt;sub&gt;k&lt;/sub&gt; = −log y&lt;sub&gt;t&lt;/sub&gt;.</translation>
    </message>
    <message>
        <source>a (logit: the output layer&apos;s pre-activation)</source>
        <translation>a (로짓: 출력층의 사전 활성화 값)</translation>
    </message>
    <message>
        <source>Temperature T: the logits are divided by T before softmax. T &gt; 1 flattens the probabilities, T &lt; 1 sharpens them; T = 1 is what the network outputs.</source>
        <translation>온도 T: 소프트맥스 전에 로짓을 T로 나눕니다. T &gt; 1이면 확률이 평평해지고, T &lt; 1이면 뾰족해집니다. T = 1이 네트워크의 실제 출력입니다.</translation>
    </message>
    <message>
        <source>The true label t for the cross-entropy</source>
        <translation>교차 엔트로피에 쓰는 정답 t</translation>
    </message>
    <message>
        <source>class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <source>&lt;b&gt;Softmax and cross-entropy, step by step&lt;/b&gt;&lt;p&gt;The output layer&apos;s pre-activations a (logits) become probabilities: y&lt;sub&gt;k&lt;/sub&gt; = exp(a&lt;sub&gt;k&lt;/sub&gt;) / Σ&lt;sub&gt;i&lt;/sub&gt; exp(a&lt;sub&gt;i&lt;/sub&gt;), computed after subtracting the largest so that nothing overflows. The loss for the true label t is the cross-entropy E = −Σ t&lt;sub&gt;k&lt;/sub&gt; log y&lt;sub&gt;k&lt;/sub&gt; = −log y&lt;sub&gt;t&lt;/sub&gt;: small when the network gives the right digit a high probability.&lt;/p&gt;</source>
        <translation>&lt;b&gt;소프트맥스와 교차 엔트로피, 단계별로&lt;/b&gt;&lt;p&gt;출력층의 사전 활성화 값 a(로짓)가 확률이 됩니다: y&lt;sub&gt;k&lt;/sub&gt; = exp(a&lt;sub&gt;k&lt;/sub&gt;) / Σ&lt;sub&gt;i&lt;/sub&gt; exp(a&lt;sub&gt;i&lt;/sub&gt;). 넘침을 막으려고 가장 큰 값을 먼저 뺀 뒤 계산합니다. 정답 t에 대한 손실은 교차 엔트로피 E = −Σ t&lt;sub&gt;k&lt;/sub&gt; log y&lt;sub&gt;k&lt;/sub&gt; = −log y&lt;sub&gt;t&lt;/sub&gt;로, 네트워크가 정답 숫자에 높은 확률을 줄수록 작아집니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Softmax and cross-entropy, step by step&lt;/b&gt;&lt;p&gt;The output layer&apos;s pre-activations a (logits) become probabilities: y&lt;sub&gt;k&lt;/sub&gt; = exp(a&lt;sub&gt;k&lt;/sub&gt;) / Σ&lt;sub&gt;i&lt;/sub&gt; exp(a&lt;sub&gt;i&lt;/sub&gt;), computed after subtracting the largest so that nothing overflows. The loss for the true label t is the cross-entropy E = −Σ t&lt;sub&gt;k&lt;/sub&gt; log y&lt;sub&gt;k&lt;/sub&gt; = −log y&lt;sub&gt;t&lt;/sub&gt;: small when the network gives the right class a high probability.&lt;/p&gt;</source>
        <translation>&lt;b&gt;소프트맥스와 교차 엔트로피, 단계별로&lt;/b&gt;&lt;p&gt;출력층의 사전 활성화 값 a(로짓)가 확률이 됩니다: y&lt;sub&gt;k&lt;/sub&gt; = exp(a&lt;sub&gt;k&lt;/sub&gt;) / Σ&lt;sub&gt;i&lt;/sub&gt; exp(a&lt;sub&gt;i&lt;/sub&gt;). 넘침을 막으려고 가장 큰 값을 먼저 뺀 뒤 계산합니다. 정답 t에 대한 손실은 교차 엔트로피 E = −Σ t&lt;sub&gt;k&lt;/sub&gt; log y&lt;sub&gt;k&lt;/sub&gt; = −log y&lt;sub&gt;t&lt;/sub&gt;로, 네트워크가 정답 클래스에 높은 확률을 줄수록 작아집니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Draw on the pad or pick a test image to follow softmax step by step.</source>
        <translation>그림판에 그리거나 테스트 이미지를 고르면 소프트맥스를 단계별로 따라가 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>C = max(a/T) = %1;  Σ exp(a/T − C) = %2;  Σ y = %3;  the network reads %4 (bold)</source>
        <translation>C = max(a/T) = %1;  Σ exp(a/T − C) = %2;  Σ y = %3;  네트워크의 답은 %4 (굵게)</translation>
    </message>
    <message>
        <source>digit</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>Draw a digit or pick a test image to follow softmax step by step.</source>
        <translation>숫자를 그리거나 테스트 이미지를 고르면 소프트맥스를 단계별로 따라가 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>cross-entropy for t = %1 (highlighted): E = −log y&lt;sub&gt;%1&lt;/sub&gt; = −log %2 = &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>t = %1(강조)에 대한 교차 엔트로피: E = −log y&lt;sub&gt;%1&lt;/sub&gt; = −log %2 = &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>  (at T = 1: %1)</source>
        <translation>  (T = 1일 때: %1)</translation>
    </message>
</context>
<context>
    <name>StatusView</name>
    <message>
        <source>running</source>
        <translation>학습 중</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>발산</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>What training is doing.</source>
        <translation>학습의 현재 상태.</translation>
    </message>
    <message>
        <source>Passes over the training set so far.</source>
        <translation>지금까지 학습 데이터 전체를 돈 횟수(에포크).</translation>
    </message>
    <message>
        <source>Mini-batch updates so far.</source>
        <translation>지금까지의 미니배치 갱신 횟수.</translation>
    </message>
    <message>
        <source>Training images per second.</source>
        <translation>초당 학습 이미지 수.</translation>
    </message>
    <message>
        <source>Time spent training (evaluation excluded).</source>
        <translation>학습에 쓴 시간 (평가 시간 제외).</translation>
    </message>
    <message>
        <source>The learning rate η now: each step moves the weights by W ← W − η·∂E/∂W.</source>
        <translation>현재 학습률 η: 스텝마다 가중치를 W ← W − η·∂E/∂W만큼 옮깁니다.</translation>
    </message>
    <message>
        <source>epoch %1</source>
        <translation>에포크 %1</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>스텝 %1</translation>
    </message>
    <message>
        <source>%1 img/s</source>
        <translation>초당 %1장</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>lr %1</source>
        <translation>학습률 %1</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Drag to view the network as it was at an earlier step</source>
        <translation>끌어서 이전 스텝의 신경망을 봅니다</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>실시간</translation>
    </message>
    <message>
        <source>Follow the training again</source>
        <translation>다시 학습을 따라갑니다</translation>
    </message>
    <message>
        <source>Each digit&apos;s probability for the current input</source>
        <translation>현재 입력에 대한 숫자별 확률</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>확률</translation>
    </message>
    <message>
        <source>step + 1 (log scale)</source>
        <translation>스텝 + 1 (로그 눈금)</translation>
    </message>
    <message>
        <source>Timeline:</source>
        <translation>타임라인:</translation>
    </message>
    <message>
        <source>Each class&apos;s probability for the current input</source>
        <translation>현재 입력에 대한 클래스별 확률</translation>
    </message>
    <message>
        <source>&lt;b&gt;Timeline&lt;/b&gt;&lt;p&gt;While it trains, the network is copied at steps spaced out on a log scale (many early, when most is learned, fewer later) and at every epoch end. Drag the slider to show the network of such a step in every view; Live follows the training again. The plot shows the probability the network gave each digit for the current input at every stored step: how its reading of your drawing changed as W ← W − η·∂E/∂W went on.&lt;/p&gt;</source>
        <translation>&lt;b&gt;타임라인&lt;/b&gt;&lt;p&gt;학습하는 동안 신경망을 로그 눈금으로 띄엄띄엄 고른 스텝(대부분을 배우는 초반에 많이, 나중엔 드물게)과 에포크가 끝날 때마다 복사해 둡니다. 슬라이더를 끌면 그 스텝의 신경망을 모든 화면에서 보여 주고, 실시간 버튼은 다시 학습을 따라갑니다. 그래프는 저장된 스텝마다 신경망이 현재 입력의 각 숫자에 준 확률입니다: W ← W − η·∂E/∂W 가 이어지는 동안 내 그림을 읽는 방식이 어떻게 바뀌었는지 보여 줍니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Timeline&lt;/b&gt;&lt;p&gt;While it trains, the network is copied at steps spaced out on a log scale (many early, when most is learned, fewer later) and at every epoch end. Drag the slider to show the network of such a step in every view; Live follows the training again. The plot shows the probability the network gave each class for the current input at every stored step: how its reading of the input changed as W ← W − η·∂E/∂W went on.&lt;/p&gt;</source>
        <translation>&lt;b&gt;타임라인&lt;/b&gt;&lt;p&gt;학습하는 동안 신경망을 로그 눈금으로 띄엄띄엄 고른 스텝(대부분을 배우는 초반에 많이, 나중엔 드물게)과 에포크가 끝날 때마다 복사해 둡니다. 슬라이더를 끌면 그 스텝의 신경망을 모든 화면에서 보여 주고, 실시간 버튼은 다시 학습을 따라갑니다. 그래프는 저장된 스텝마다 신경망이 현재 입력의 각 클래스에 준 확률입니다: W ← W − η·∂E/∂W 가 이어지는 동안 입력을 읽는 방식이 어떻게 바뀌었는지 보여 줍니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>keeping at most %1 copies: the network is %2 MB</source>
        <translation>복사본을 최대 %1개만 보관: 네트워크 크기가 %2 MB입니다</translation>
    </message>
    <message>
        <source>Each copy of this network takes %1 MB, and the timeline holds at most %2 MB of copies (1/%3 of this computer&apos;s memory, at most %4 MB): it keeps fewer of them, spread over the run in the same way.</source>
        <translation>이 네트워크의 복사본 하나는 %1 MB를 차지하고, 타임라인은 복사본을 최대 %2 MB까지 보관합니다(이 컴퓨터 메모리의 1/%3, 최대 %4 MB). 그래서 복사본을 더 적게 두되, 실행 전체에 같은 방식으로 나누어 둡니다.</translation>
    </message>
    <message>
        <source>live</source>
        <translation>실시간</translation>
    </message>
    <message>
        <source>viewing step %1 (epoch %2)</source>
        <translation>스텝 %1 보는 중 (에포크 %2)</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <source>an error in mlpviz stopped training (%1); the network is kept as of step %2</source>
        <translation>mlpviz 내부 오류로 학습이 멈췄습니다 (%1). 네트워크는 %2 스텝 시점의 것으로 보존됩니다</translation>
    </message>
</context>
<context>
    <name>UpdatePanel</name>
    <message>
        <source>W ← W − η·dW on a copy of the network (training&apos;s own network is untouched); the cards then show the network after it</source>
        <translation>네트워크의 복사본에 W ← W − η·dW를 적용합니다 (학습 중인 네트워크는 그대로입니다). 그러면 카드가 갱신 후의 네트워크를 보여 줍니다</translation>
    </message>
    <message>
        <source>Apply update</source>
        <translation>갱신 적용</translation>
    </message>
    <message>
        <source>the mini-batch</source>
        <translation>미니배치</translation>
    </message>
    <message>
        <source>The gradient of this example alone, or the mean gradient of the mini-batch the trainer learned from last (slow motion or single steps)</source>
        <translation>이 예제 하나만의 기울기, 또는 마지막으로 학습한 미니배치의 평균 기울기 (느린 속도로 학습하거나 한 스텝씩 학습할 때)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <source>Back to the network before the last update applied here</source>
        <translation>여기에서 마지막으로 적용한 갱신 이전의 네트워크로 돌아갑니다</translation>
    </message>
    <message>
        <source>Ask first</source>
        <translation>미리 묻기</translation>
    </message>
    <message>
        <source>the mini-batch (%1 images)</source>
        <translation>미니배치 (이미지 %1장)</translation>
    </message>
    <message>
        <source>the mini-batch (none yet)</source>
        <translation>미니배치 (아직 없음)</translation>
    </message>
    <message>
        <source>the mean gradient of %1 images</source>
        <translation>이미지 %1장의 평균 기울기</translation>
    </message>
    <message>
        <source>this example&apos;s gradient</source>
        <translation>이 예제의 기울기</translation>
    </message>
    <message>
        <source>&lt;b&gt;Update %1&lt;/b&gt; on a copy, %2:</source>
        <translation>&lt;b&gt;%1번째 갱신&lt;/b&gt; (복사본, %2):</translation>
    </message>
    <message>
        <source>E %1 → &lt;b&gt;%2&lt;/b&gt; · p(%3) %4 → &lt;b&gt;%5&lt;/b&gt;</source>
        <translation>E %1 → &lt;b&gt;%2&lt;/b&gt; · p(%3) %4 → &lt;b&gt;%5&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Tried on a float64 copy: training&apos;s own network is untouched.</source>
        <translation>float64 복사본에서 시험했습니다: 학습 중인 네트워크는 그대로입니다.</translation>
    </message>
    <message>
        <source>Guess what the update will do to the label&apos;s probability before seeing it</source>
        <translation>결과를 보기 전에 갱신이 정답의 확률을 어떻게 바꿀지 먼저 예측해 봅니다</translation>
    </message>
    <message>
        <source>The example&apos;s probabilities before the update (light) and after it (dark)</source>
        <translation>예제의 확률: 갱신 전(연한 색), 갱신 후(진한 색)</translation>
    </message>
    <message>
        <source>this example</source>
        <translation>이 예제</translation>
    </message>
</context>
<context>
    <name>ValuesPlot</name>
    <message>
        <source>digit</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <source>pixel</source>
        <translation>픽셀</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>뉴런</translation>
    </message>
    <message>
        <source>%1 (largest first)</source>
        <translation>%1 (큰 순)</translation>
    </message>
    <message>
        <source>the %1 largest of %2, by size</source>
        <translation>%2개 중 크기가 가장 큰 %1개</translation>
    </message>
    <message>
        <source>input unit</source>
        <translation>입력 뉴런</translation>
    </message>
    <message>
        <source>unit of layer %1</source>
        <translation>%1층 뉴런</translation>
    </message>
    <message>
        <source>the %1 × %2 largest rows and columns of %3 × %4</source>
        <translation>%3 × %4 중 크기가 가장 큰 행과 열 %1 × %2</translation>
    </message>
    <message>
        <source>%1 of %2 units (largest %3 first)</source>
        <translation>뉴런 %2개 중 %1개 (%3이(가) 큰 순)</translation>
    </message>
    <message>
        <source>%1; each tile on its own scale: %2</source>
        <translation>%1; 타일마다 각자의 눈금: %2</translation>
    </message>
    <message>
        <source>subtracted</source>
        <translation>뺀 값</translation>
    </message>
    <message>
        <source>right update</source>
        <translation>올바른 갱신</translation>
    </message>
    <message>
        <source>all %1 units</source>
        <translation>뉴런 %1개 전체</translation>
    </message>
</context>
<context>
    <name>WeightsView</name>
    <message>
        <source>unit number</source>
        <translation>뉴런 번호</translation>
    </message>
    <message>
        <source>weight norm</source>
        <translation>가중치 노름</translation>
    </message>
    <message>
        <source>activity</source>
        <translation>활성도</translation>
    </message>
    <message>
        <source>Units in their order in the network.</source>
        <translation>네트워크 안의 순서대로.</translation>
    </message>
    <message>
        <source>Largest weight vector (L2 norm) first: the units that have learned the most.</source>
        <translation>가중치 벡터(L2 노름)가 큰 순서: 가장 많이 배운 뉴런부터.</translation>
    </message>
    <message>
        <source>Most active first: mean activation on the first test images.</source>
        <translation>가장 활성화된 순서: 앞쪽 테스트 이미지에서의 평균 활성화 값.</translation>
    </message>
    <message>
        <source>Each tile: the weights from every pixel into one hidden unit. Red: positive, blue: negative. Click a tile to see it large.</source>
        <translation>타일 하나: 모든 픽셀에서 은닉층 뉴런 하나로 들어가는 가중치. 빨간색은 양수, 파란색은 음수. 타일을 클릭하면 크게 봅니다.</translation>
    </message>
    <message>
        <source>The order of the tiles</source>
        <translation>타일의 순서</translation>
    </message>
    <message>
        <source>all</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>Tiles per page: fewer tiles are drawn larger</source>
        <translation>페이지당 타일 수: 적을수록 크게 그립니다</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>이전 페이지</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>다음 페이지</translation>
    </message>
    <message>
        <source>First-layer weights</source>
        <translation>첫 번째 층의 가중치</translation>
    </message>
    <message>
        <source>Train or open a model to see its weights.</source>
        <translation>학습하거나 모델을 열면 가중치가 나타납니다.</translation>
    </message>
    <message>
        <source>sort by</source>
        <translation>정렬</translation>
    </message>
    <message>
        <source>tiles</source>
        <translation>타일</translation>
    </message>
    <message>
        <source>&lt;b&gt;First-layer weights&lt;/b&gt;&lt;p&gt;Each tile shows the weights W from every pixel of the input layer into one neuron of the first hidden layer, laid out like the image: red pixels push the neuron&apos;s pre-activation a = xW + b up, blue ones down. Training moves every weight by −η·∂E/∂W, and strokes of the digits slowly appear.&lt;/p&gt;</source>
        <translation>&lt;b&gt;첫 번째 층의 가중치&lt;/b&gt;&lt;p&gt;타일마다 입력층의 모든 픽셀에서 첫 번째 은닉층의 뉴런 하나로 들어가는 가중치 W를 이미지 모양으로 보여 줍니다. 빨간 픽셀은 뉴런의 사전 활성화 값 a = xW + b를 올리고 파란 픽셀은 내립니다. 학습은 가중치를 −η·∂E/∂W만큼씩 옮기며, 숫자의 획이 서서히 나타납니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;First-layer weights&lt;/b&gt;&lt;p&gt;Each tile shows the weights W from every pixel of the input layer into one neuron of the first hidden layer, laid out like the image: red pixels push the neuron&apos;s pre-activation a = xW + b up, blue ones down. Training moves every weight by −η·∂E/∂W, and shapes of the images slowly appear.&lt;/p&gt;</source>
        <translation>&lt;b&gt;첫 번째 층의 가중치&lt;/b&gt;&lt;p&gt;타일마다 입력층의 모든 픽셀에서 첫 번째 은닉층의 뉴런 하나로 들어가는 가중치 W를 이미지 모양으로 보여 줍니다. 빨간 픽셀은 뉴런의 사전 활성화 값 a = xW + b를 올리고 파란 픽셀은 내립니다. 학습은 가중치를 −η·∂E/∂W만큼씩 옮기며, 이미지의 모양이 서서히 나타납니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>First-layer weights: %1 hidden units, one %2x%3 tile each</source>
        <translation>첫 번째 층의 가중치: 은닉층 뉴런 %1개, 각각 %2x%3 타일</translation>
    </message>
    <message>
        <source>colour scale: blue -%1, white 0, red +%1</source>
        <translation>색 눈금: 파랑 -%1, 흰색 0, 빨강 +%1</translation>
    </message>
    <message>
        <source>%1-%2 of %3</source>
        <translation>%3개 중 %1-%2</translation>
    </message>
    <message>
        <source>pointing at unit %1 of %2, place %3 by %4
weights from %5 to %6, norm %7</source>
        <translation>가리킨 뉴런: %2개 중 %1번, %4 기준 %3위
가중치 %5 ~ %6, 노름 %7</translation>
    </message>
    <message>
        <source>selected: unit %1 of %2, place %3 by %4
weights from %5 to %6, norm %7</source>
        <translation>선택한 뉴런: %2개 중 %1번, %4 기준 %3위
가중치 %5 ~ %6, 노름 %7</translation>
    </message>
</context>
<context>
    <name>Zoom</name>
    <message>
        <source>Zoom &amp;in</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <source>Make every text, plot label and line larger</source>
        <translation>모든 텍스트와 그래프의 글자, 선을 크게 합니다</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <source>Make every text, plot label and line smaller</source>
        <translation>모든 텍스트와 그래프의 글자, 선을 작게 합니다</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>실제 크기(&amp;A)</translation>
    </message>
    <message>
        <source>Back to the normal size of text and lines</source>
        <translation>글자와 선을 원래 크기로 되돌립니다</translation>
    </message>
    <message>
        <source>&amp;Presenter mode</source>
        <translation>발표 모드(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen at 1.5x zoom, for a projector; F11 again to go back</source>
        <translation>프로젝터용으로 1.5x 확대한 전체 화면으로 봅니다. F11을 다시 누르면 돌아갑니다</translation>
    </message>
</context>
</TS>
