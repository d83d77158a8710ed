% pilco_reference(pilcoDir, fixtureDir)
%
% Computes, with pilco-matlab's own code, the expected values of PilcoMatlabReferenceTest: the predicted
% trajectory, the expected total cost J and its gradient of one RBF policy on one GP dynamics model.
% The fixture directory holds what our run had (seed 1 after 3 trials: the GPs of trial 3):
%   observed-1.txt, observed-2.txt  the observed states and forces the GPs were trained on
%   hyperparameters.txt             the GPs' log hyperparameters, one row per GP in our state order
%   policy.txt                      the policy's parameters (centres, log length-scales, pseudo-targets)
% and receives
%   expected-noise-free.txt  J, then dJ/dtheta in RbfPolicy's order (the policy sees the state itself)
%   expected-with-noise.txt  one row per step t = 0..40: m_t (4), S_t (16, row by row), E[c], Var[c]
%                            (the policy sees the state through sigma_n^2 / 2 of noise, pilco-matlab 0.9)
%
% Run with GNU Octave 7 and a checkout of pilco-matlab (github.com/UCL-SML/pilco-matlab, a0b48b7):
%   octave-cli --eval "addpath('src/test/octave'); pilco_reference('/path/to/pilco-matlab', ...
%                      'src/test/resources/pilco/reference')"
% Three changes to pilco-matlab, made on copies in a temporary directory:
%   - propagate.m and propagated.m name a variable 'do', a keyword in Octave: renamed;
%   - gp2.m and gp2d.m add 1e-6 to the policy's output variance "for numerical reasons": left out, as we do;
%   - for expected-with-noise.txt, the observation-noise term that a0b48b7 commented out is put back.
% Our state order is (x, x', theta, theta'), pilco-matlab's cart-pole (x, x', theta', theta).
function pilco_reference(pm, fixture)
  shadow = tempname(); mkdir(shadow); noisy = fullfile(shadow, 'noisy'); mkdir(noisy);
  % each pair: a regular expression that must match, and its replacement
  jitter = {'S\(i,i\) = S\(i,i\) \+ 1e-0?6;', 'S(i,i) = S(i,i);'};
  copyEdited(fullfile(pm, 'gp', 'gp2.m'), fullfile(shadow, 'gp2.m'), jitter);
  copyEdited(fullfile(pm, 'gp', 'gp2d.m'), fullfile(shadow, 'gp2d.m'), jitter);
  rename = {'\<do = dyn\.dyno;', 'dout = dyn.dyno;', 'k = D2\+do;', 'k = D2+dout;', 'target\(:,do\)', ...
            'target(:,dout)'};
  noise = {'%sn2 = exp\(', 'sn2 = exp(', 'S\(i,i\); *%\+diag\(sn2\);', 'S(i,i)+diag(sn2);'};
  for f = {'propagate.m', 'propagated.m'}
    copyEdited(fullfile(pm, 'base', f{1}), fullfile(shadow, f{1}), rename);
    copyEdited(fullfile(pm, 'base', f{1}), fullfile(noisy, f{1}), [rename noise]);
  end
  addpath(fullfile(pm, 'base'), fullfile(pm, 'util'), fullfile(pm, 'gp'), fullfile(pm, 'control'), ...
          fullfile(pm, 'loss'), fullfile(pm, 'scenarios', 'cartPole'));
  addpath(shadow);                                   % in front of pilco-matlab's own files

  perm = [1 2 4 3];                                  % ours <-> pilco-matlab's state order (its own inverse)
  X = []; Y = [];
  for k = 1:2
    o = load(fullfile(fixture, sprintf('observed-%d.txt', k)));
    s = o(:, perm); s = s(:, 1:4); u = o(1:end-1, 5);        % pilco order: x, x', theta', theta
    X = [X; s(1:end-1, 1:3) sin(s(1:end-1, 4)) cos(s(1:end-1, 4)) u];
    Y = [Y; s(2:end, :) - s(1:end-1, :)];
  end
  hyp = load(fullfile(fixture, 'hyperparameters.txt'));
  dynmodel.fcn = @gp0d; dynmodel.inputs = X; dynmodel.targets = Y; dynmodel.hyp = hyp(perm, :)';

  th = load(fullfile(fixture, 'policy.txt'));   % 10 rows of centres, a row of 5 log l, 2 rows of targets
  nc = 10;
  policy.fcn = @(policy, m, s) conCat(@congp, @gSat, policy, m, s); policy.maxU = 10;
  policy.p.inputs = th(1:nc, :);
  policy.p.targets = reshape(th(nc + 2:nc + 3, :)', [], 1);
  policy.p.hyp = [th(nc + 1, :)'; 0; log(0.01)];      % congp fixes sigma_f = 1 and sigma_n = 0.01 itself

  plant.angi = 4; plant.poli = [1 2 3 5 6]; plant.dyni = [1 2 3 5 6]; plant.difi = [1 2 3 4];
  plant.prop = @propagated;
  cost.fcn = @loss_cp; cost.gamma = 1; cost.p = 0.5; cost.width = 0.25; cost.expl = 0; cost.angle = 4;
  cost.target = [0 0 0 pi]';
  H = 40; m0 = zeros(4, 1); S0 = diag([0.1 0.1 0.1 0.1] .^ 2);

  [J, dJ] = value(policy.p, m0, S0, dynmodel, policy, plant, cost, H);
  out = [J; reshape(dJ.inputs', [], 1); dJ.hyp(1:5); dJ.targets];
  save('-ascii', '-double', fullfile(fixture, 'expected-noise-free.txt'), 'out');

  addpath(noisy);                                    % the noise term back, in front of the copies above
  rows = zeros(H + 1, 22); m = m0; S = S0;
  rows(1, 1:20) = [m(perm)' reshape(S(perm, perm)', 1, [])];
  for t = 1:H
    [m, S] = propagate(m, S, plant, dynmodel, policy);
    [c, ~, ~, v] = loss_cp(cost, m, S);
    rows(t + 1, :) = [m(perm)' reshape(S(perm, perm)', 1, []) c v];
  end
  save('-ascii', '-double', fullfile(fixture, 'expected-with-noise.txt'), 'rows');
  printf('J = %.12g (noise-free), %.12g (with noise)\n', J, sum(rows(2:end, 21)));
end

function copyEdited(from, to, pairs)
  text = fileread(from);
  for i = 1:2:numel(pairs)
    if isempty(regexp(text, pairs{i}, 'once'))
      error('pilco_reference: "%s" not found in %s', pairs{i}, from);
    end
    text = regexprep(text, pairs{i}, pairs{i + 1});
  end
  fid = fopen(to, 'w'); fwrite(fid, text); fclose(fid);
end
