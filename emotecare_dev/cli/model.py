"""`emotecare model ...`: train, evaluate, export and try the facial-expression model.

Heavy imports (TensorFlow/Keras, LiteRT) happen inside the handlers, so `emotecare --help`
and the other areas' commands stay fast.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from emotecare_dev.cli.main import CommandError
from emotecare.vision.classifier import ARTIFACTS, MODEL_FILE
from emotecare.vision.preprocess import FACE_SIZE

TRAINING_DIR = ARTIFACTS / "training"


def register(subparsers) -> None:
    model = subparsers.add_parser("model", help="train, evaluate, export and try the model")
    commands = model.add_subparsers(dest="model_command", required=True)

    train = commands.add_parser("train", help="train the CNN (checkpoint every epoch)")
    train.add_argument("--data", required=True, help="folder or .zip of class folders")
    train.add_argument("--epochs", type=int, default=None, help="default: the recipe's")
    train.add_argument("--resume", action="store_true", help="continue an interrupted run")
    train.add_argument("--out", type=Path, default=TRAINING_DIR, help="checkpoint folder")
    train.add_argument("--seed", type=int, default=None, help="default: the recipe's")
    train.add_argument("--architecture", default="vgg5",
                       help="network shape of this member: vgg5 (default) or vgg4")
    train.add_argument("--crop", type=int, default=None,
                       help="side of the face's centre the network sees (default: the architecture's)")
    train.add_argument("--class-weight-power", type=float, default=None,
                       help="1 = balanced class weights, 0 = none (default: the recipe's)")
    train.add_argument("--budget-minutes", type=float, default=None,
                       help="plan the epochs to end within this time (the schedule still completes)")
    train.set_defaults(func=_train)

    evaluate = commands.add_parser("evaluate", help="score the shipped TFLite model")
    evaluate.add_argument("path", type=Path, help="folder or .zip of labelled images")
    evaluate.add_argument("--split", help="one split of a <split>/<class>/<image> layout")
    evaluate.add_argument("--photos", action="store_true",
                          help="images are photos: detect faces, classify the largest")
    evaluate.add_argument("--json", action="store_true", help="print one JSON object")
    evaluate.add_argument("--model", type=Path, default=None, help="a .tflite file")
    evaluate.set_defaults(func=_evaluate)

    export = commands.add_parser(
        "export", help="trained network(s) -> one TFLite model with flip averaging, parity, metrics")
    export.add_argument("--checkpoint", type=Path, action="append", default=None,
                        help="a member's best.keras; repeat for an ensemble "
                             f"(default: {TRAINING_DIR / 'best.keras'})")
    export.add_argument("--data", type=Path, default=None,
                        help="data whose test/ split checks parity (default: the training data)")
    export.add_argument("--out", type=Path, default=ARTIFACTS, help="artifacts folder")
    export.set_defaults(func=_export)

    analyze = commands.add_parser("analyze", help="faces and expression probabilities")
    analyze.add_argument("images", nargs="+", type=Path)
    analyze.add_argument("--model", type=Path, default=None, help="a .tflite file")
    analyze.set_defaults(func=_analyze)


def _load(path: Path, split: str | None, keep_images: bool = False):
    from emotecare_dev.training.dataset import DatasetError, load_dataset

    try:
        return load_dataset(path, split=split, keep_images=keep_images)
    except DatasetError as exc:
        raise CommandError(str(exc)) from None


def _classifier(model_path: Path | None):
    from emotecare.vision.classifier import EmotionClassifier, default_model_path

    path = model_path or default_model_path()
    if not path.exists():
        raise CommandError(f"model file {path} not found: run `emotecare model export` first")
    return EmotionClassifier(path)


def _train(args) -> int:
    # Check the arguments before importing Keras: TensorFlow's start-up logging would
    # otherwise precede the one-line error.
    if not Path(args.data).exists():
        raise CommandError(f"{args.data} does not exist")
    if args.epochs is not None and args.epochs < 1:
        raise CommandError("--epochs must be at least 1")
    from emotecare_dev.training import train as training
    from emotecare_dev.training.dataset import DatasetError

    from emotecare_dev.training.model import ARCHITECTURES

    if args.architecture not in ARCHITECTURES:
        raise CommandError(f"--architecture must be one of {', '.join(ARCHITECTURES)}")
    if args.crop is not None and not 32 <= args.crop <= FACE_SIZE:
        raise CommandError(f"--crop must be between 32 and {FACE_SIZE}")
    epochs = args.epochs if args.epochs is not None else training.EPOCHS
    seed = args.seed if args.seed is not None else training.SEED
    model_options = dict(ARCHITECTURES[args.architecture])
    if args.crop is not None:
        model_options["crop"] = args.crop
    power = (args.class_weight_power if args.class_weight_power is not None
             else training.CLASS_WEIGHT_POWER)
    try:
        state = training.train(args.data, args.out, epochs=epochs, resume=args.resume, seed=seed,
                               budget_s=args.budget_minutes * 60 if args.budget_minutes else None,
                               model_options=model_options or None, class_weight_power=power)
    except DatasetError as exc:
        raise CommandError(str(exc)) from None
    print(f"trained {state['epochs_done']} epochs in {state.get('training_seconds', 0):.0f} s; "
          f"best held-out epoch {state.get('best_epoch')}: {state.get('best_holdout', {}).get('accuracy')}"
          f" accuracy; network in {Path(args.out) / training.BEST_MODEL}")
    return 0


def _evaluate(args) -> int:
    from emotecare_dev.training.evaluate import evaluate_faces, evaluate_photos
    from emotecare.pipeline.analyzer import VisionAnalyzer

    classifier = _classifier(args.model)
    dataset = _load(args.path, args.split, keep_images=args.photos)
    if args.photos:
        metrics = evaluate_photos(VisionAnalyzer(classifier=classifier), dataset)
    else:
        metrics = evaluate_faces(classifier, dataset)
    if args.json:
        print(json.dumps(metrics))
        return 0
    print(f"n={metrics['n']}  accuracy={metrics['accuracy']:.4f}  "
          f"macro-F1={metrics['macro_f1']:.4f}  skipped={metrics['skipped']}"
          + (f"  detection_rate={metrics['detection_rate']:.4f}" if args.photos else ""))
    for label, row in metrics["per_class"].items():
        print(f"  {label:9s} precision={row['precision']:.3f} recall={row['recall']:.3f} "
              f"f1={row['f1']:.3f} support={row['support']}")
    return 0


def _export(args) -> int:
    checkpoints = args.checkpoint or [TRAINING_DIR / "best.keras"]
    for checkpoint in checkpoints:
        if not checkpoint.exists():
            raise CommandError(f"{checkpoint} not found: run `emotecare model train` first")
    from emotecare_dev.training import report
    from emotecare_dev.training.ensemble import Member, build_ensemble, score_members
    from emotecare_dev.training.evaluate import evaluate_faces
    from emotecare_dev.training.export import export
    from emotecare_dev.training.train import HISTORY, holdout_slice
    from emotecare.vision.classifier import EmotionClassifier

    members = [Member.load(checkpoint) for checkpoint in checkpoints]
    trained_on = members[0].state.get("data")
    data = args.data or (Path(trained_on) if trained_on else None)
    if data is None:
        raise CommandError("no --data given and the training run does not name its data")
    test = _load(data, "test")
    held_faces, held_labels = holdout_slice(data)
    scores = score_members(members, held_faces, held_labels)
    tflite_path = args.out / MODEL_FILE
    try:
        info = export(build_ensemble([member.network for member in members],
                                     scores["calibration"]["temperature"]), tflite_path, test.faces)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    # The same evaluation `emotecare model evaluate DATA --split test --json` prints.
    evaluation = evaluate_faces(EmotionClassifier(tflite_path), test)
    report.write_metrics(args.out / "metrics.json", evaluation, scores, info,
                         members[0].state.get("data_sha256"))
    histories = {member.run_dir.name: member.run_dir / HISTORY for member in members
                 if (member.run_dir / HISTORY).exists()}
    if histories:
        report.plot_training_curves(histories, args.out / "training_curves.png")
    report.plot_confusion(evaluation["confusion"], args.out / "confusion_matrix.png",
                          f"test/ (n={evaluation['n']}), accuracy {evaluation['accuracy']:.3f}")
    held = scores["ensemble_holdout"]
    print(f"exported {tflite_path} ({info['tflite_bytes'] / 1e6:.2f} MB, {len(members)} member(s) "
          f"with flip averaging, temperature {scores['calibration']['temperature']}); "
          f"parity {info['parity']:.2%} on {info['parity_n']} test faces; "
          f"held-out accuracy {held['accuracy']:.4f}, macro-F1 {held['macro_f1']:.4f}; "
          f"test accuracy {evaluation['accuracy']:.4f}, macro-F1 {evaluation['macro_f1']:.4f}")
    return 0


def _analyze(args) -> int:
    from emotecare.pipeline.analyzer import UndecodableFrameError, VisionAnalyzer

    analyzer = VisionAnalyzer(classifier=_classifier(args.model))
    status = 0
    for path in args.images:
        if not path.is_file():
            raise CommandError(f"{path} does not exist")
        try:
            result = analyzer.analyze_bytes(path.read_bytes())
        except UndecodableFrameError as exc:
            print(f"emotecare: {path}: {exc}", file=sys.stderr)
            status = 2
            continue
        # The patient's face (the largest), as the inference function reads a frame.
        print(json.dumps({"image": str(path), **result.to_dict()}))
    return status
