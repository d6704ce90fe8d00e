"""나의 신경망 코드 · My own network code

    mlpviz check mynet.py          이 파일을 확인합니다 / checks this file
    mlpviz check mynet.py --json   결과를 JSON 으로 / the result as JSON

TODO 를 채우세요. 함수 이름과 인자, 돌려주는 dict 의 키는 그대로 두세요: mlpviz 가 이 이름으로
함수를 부르고 결과를 읽습니다.
Fill in the TODOs. Keep the function names, their arguments and the keys of the dicts they return:
mlpviz calls the functions and reads their results by these names.

모양 / shapes  (N: 배치 크기 batch size, D: 입력 inputs, H: 은닉 유닛 hidden units, K: 출력 outputs)
    X  (N, D)   입력, 한 행에 한 예제 / inputs, one example per row
    t  (N, K)   원-핫 정답 / one-hot labels
    W1 (D, H)   b1 (H,)   W2 (H, K)   b2 (K,)

mlpviz 는 작은 네트워크(D=20, H=8, K=10, N=5)에서 각 함수의 결과를 엔진의 결과와 비교한 다음, 이 함수들로
MNIST(D=784, H=50, N=100)를 학습해 손실 곡선을 엔진의 곡선과 나란히 보여 줍니다.
mlpviz compares each function's results with the engine's on a small network (D=20, H=8, K=10,
N=5), then trains on MNIST (D=784, H=50, N=100) with these functions and shows the loss curve
beside the engine's.

이 파일은 mlpviz 와 따로 떨어진 프로세스에서 실행되고, 시간 제한을 넘기면 멈춥니다.
This file runs in a process of its own, apart from mlpviz, and is stopped at a time limit.
"""
import numpy as np


def sigmoid(a):
    """σ(a) = 1 / (1 + e^(−a)), 원소마다 / element by element."""
    return 1 / (1 + np.exp(-a))


def softmax(a):
    """각 행을 확률로 / each row into probabilities: e^a / (e^a 의 행 합 / the row's sum of e^a).

    행마다 가장 큰 값을 먼저 빼도 결과는 같고, e^a 가 넘치지 않습니다.
    Subtracting each row's largest value first gives the same result and keeps e^a from overflowing.
    """
    e = np.exp(a - np.max(a, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)


def sigmoid_grad(a):
    """σ'(a): 시그모이드의 미분, 원소마다 / the sigmoid's derivative, element by element."""
    # TODO: σ'(a) 를 σ(a) 로 나타내 보세요 / write σ'(a) in terms of σ(a)
    raise NotImplementedError("sigmoid_grad: TODO")


def forward(X, W1, b1, W2, b2):
    """순전파 / the forward pass.

    돌려주는 값 / returns {"a1": (N, H), "z1": (N, H), "a2": (N, K), "y": (N, K)}
    """
    # TODO 1: a1 — 은닉층의 입력: X 와 W1 의 행렬곱에 b1 을 더합니다
    #              the hidden layer's pre-activation: X times W1, plus b1
    # TODO 2: z1 — 은닉층의 출력: a1 에 시그모이드 / the hidden layer's activation: sigmoid of a1
    # TODO 3: a2 — 출력층의 입력: z1 과 W2, 그리고 b2 / the output layer's pre-activation: z1, W2, b2
    # TODO 4: y  — 출력 확률: a2 에 소프트맥스 / the output probabilities: softmax of a2
    # 끝으로 / at the end:  return {"a1": a1, "z1": z1, "a2": a2, "y": y}
    raise NotImplementedError("forward: TODO")


def backward(X, t, W1, b1, W2, b2, cache):
    """역전파: 배치의 평균 교차 엔트로피 E 의 기울기 / the backward pass: gradients of the batch's
    mean cross-entropy E.

    cache: forward 가 돌려준 dict / the dict forward returned ({"a1", "z1", "a2", "y"})
    돌려주는 값 / returns {"dy": (N, K), "dW2": (H, K), "db2": (K,), "dz1": (N, H),
                          "da1": (N, H), "dW1": (D, H), "db1": (H,)}
    """
    a1, z1, y = cache["a1"], cache["z1"], cache["y"]
    N = X.shape[0]  # 배치 크기 / the batch size
    # TODO 1: dy  — a2 에 대한 E 의 기울기: y 와 t 의 차이를 배치에 대해 평균
    #               E's gradient at a2: the difference of y and t, averaged over the batch
    # TODO 2: dW2, db2 — 두 번째 층의 매개변수 / the second layer's parameters
    #               (행렬곱의 모양을 맞춰 보세요 / let the shapes guide the products;
    #                편향은 예제들에 대해 합합니다 / a bias sums over the examples)
    # TODO 3: dz1 — z1 에 대한 기울기: dy 를 W2 를 거꾸로 지나 보냅니다 / the gradient at z1: dy carried back through W2
    # TODO 4: da1 — a1 에 대한 기울기: 시그모이드를 거꾸로 지납니다 (sigmoid_grad)
    #               the gradient at a1: back through the sigmoid (sigmoid_grad)
    # TODO 5: dW1, db1 — 첫 번째 층의 매개변수 / the first layer's parameters
    # 끝으로 / at the end:
    #     return {"dy": dy, "dW2": dW2, "db2": db2, "dz1": dz1, "da1": da1, "dW1": dW1, "db1": db1}
    raise NotImplementedError("backward: TODO")


def update(params, grads, learning_rate):
    """경사 하강법 한 걸음 / one step of gradient descent.

    params: {"W1", "b1", "W2", "b2"}, grads: backward 가 돌려준 dict / the dict backward returned
    돌려주는 값 / returns 새 매개변수, 같은 키와 모양 / the new parameters, same keys and shapes
    """
    # TODO: 매개변수마다 기울기의 반대 방향으로 learning_rate 만큼 움직입니다
    #       move each parameter against its gradient, by learning_rate times it
    # 끝으로 / at the end:  return {"W1": ..., "b1": ..., "W2": ..., "b2": ...}
    raise NotImplementedError("update: TODO")


if __name__ == "__main__":
    # python mynet.py: 모양만 먼저 확인해 봅니다 / a first look at the shapes only
    rng = np.random.default_rng(0)
    X, t = rng.random((5, 20)), np.eye(10)[rng.integers(0, 10, 5)]
    params = {"W1": rng.normal(0, 0.1, (20, 8)), "b1": np.zeros(8),
              "W2": rng.normal(0, 0.1, (8, 10)), "b2": np.zeros(10)}
    cache = forward(X, **params)
    grads = backward(X, t, params["W1"], params["b1"], params["W2"], params["b2"], cache)
    for name, value in {**cache, **grads}.items():
        print(name, np.shape(value))
