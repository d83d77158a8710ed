#!/bin/sh
# The README's classroom screenshots: every lab (seven) at 1024x768 with text at 1.5, in presenter mode and without, and at
# 1920x1080. Run from the project root after `mvn -q package -DskipTests`; MBRL overrides the command, e.g.
# MBRL="java -cp target/classes:$(cat cp.txt) mbrllab.Launcher".
set -e
MBRL=${MBRL:-"java -jar target/mbrl-lab.jar"}
OUT=src/docs/screenshots/classroom
shot() { # name, lab, what to run, then size options
  name=$1; lab=$2; run=$3; shift 3
  $MBRL screenshot --lab "$lab" $run "$@" --out "$OUT/$name.png"
}
for variant in presenter normal wide; do
  case $variant in
    presenter) size="--size 1024x768 --font-scale 1.5 --presenter" ;;
    normal) size="--size 1024x768 --font-scale 1.5" ;;
    wide) size="--size 1920x1080" ;;
  esac
  shot "dyna-maze-$variant" dyna-maze "--run-seconds 6 --speed 200" $size
  shot "changing-mazes-$variant" changing-mazes "--preset blocking-maze-figure-8.4 --run-seconds 8" $size
  shot "cart-pole-$variant" cart-pole "--preset cartpole-sample-model --run-seconds 6" $size
  shot "models-$variant" models "--preset gp-vs-ensemble --run-seconds 25" $size
  shot "planning-$variant" planning "--run-seconds 8" $size
  shot "acceleration-$variant" acceleration "--run-seconds 8" $size
  shot "pilco-$variant" pilco "--preset pilco-recorded --run-seconds 3" $size
done
# The changing mazes with prioritized sweeping's third pane and its queue, at projector size.
shot changing-mazes-sweeping-presenter changing-mazes "--preset shortcut-maze-tau --run-seconds 8" --size 1024x768 --font-scale 1.5 --presenter
shot changing-mazes-sweeping-normal changing-mazes "--preset shortcut-maze-tau --run-seconds 8" --size 1024x768 --font-scale 1.5
# High contrast, presenter mode.
shot dyna-maze-high-contrast dyna-maze "--run-seconds 6 --speed 200" --size 1024x768 --font-scale 1.5 --presenter --high-contrast
shot cart-pole-high-contrast cart-pole "--preset cartpole-sample-model --run-seconds 6" --size 1024x768 --font-scale 1.5 --presenter --high-contrast
shot planning-high-contrast planning "--run-seconds 8" --size 1024x768 --font-scale 1.5 --presenter --high-contrast
